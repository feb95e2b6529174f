package org.meshgov.deprecation.retirement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.deprecation.DeprecationResponse;
import org.meshgov.deprecation.RespondToDeprecationCommand;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/**
 * A consumer's owners acknowledge (with a planned migration date) or object. The answer is read
 * from the completed task: form values land on the process and other consumers overwrite them.
 */
@Component("deprecationResponseListener")
public class DeprecationResponseListener implements TaskListener {

    private final CommandGateway commands;

    public DeprecationResponseListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        String value = (String) task.getVariable("decision");
        DeprecationResponse response = DeprecationResponse.fromWireName(value).orElseThrow(() -> new WorkflowRefusal(
                422, "decision must be acknowledge or object", List.of(new Violation("$.variables.decision",
                "decision", "decision must be acknowledge or object, not " + value))));
        try {
            commands.sendAndWait(new RespondToDeprecationCommand((String) task.getVariable("contractId"),
                    (String) task.getVariable("version"), (String) task.getVariable("consumerDomain"), response, dateOf(task.getVariable("plannedMigration")), (String) task.getVariable("comment"),
                    EngineActor.completing(task)));
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }

    /** The Tasklist form sends a date; {@code /engine-rest} callers may send an ISO date string. */
    static LocalDate dateOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (RuntimeException e) {
                throw new WorkflowRefusal(422, "plannedMigration is an ISO date", List.of(new Violation(
                        "$.variables.plannedMigration", "date-format", "plannedMigration is an ISO date, not " + text)));
            }
        }
        return null;
    }
}
