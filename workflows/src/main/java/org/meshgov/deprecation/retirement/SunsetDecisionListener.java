package org.meshgov.deprecation.retirement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.deprecation.ExtendSunsetCommand;
import org.meshgov.deprecation.RetireContractVersionCommand;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/** Consumers were not ready at the sunset: an owner or governance reviewer retires anyway or extends. */
@Component("sunsetDecisionListener")
public class SunsetDecisionListener implements TaskListener {

    private final CommandGateway commands;

    public SunsetDecisionListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        Actor actor = EngineActor.completing(task);
        String contractId = (String) task.getVariable("contractId");
        String version = (String) task.getVariable("version");
        String comment = (String) task.getVariable("comment");
        String decision = (String) task.getVariable("decision");
        try {
            switch (decision == null ? "" : decision) {
                case "retire" -> commands.sendAndWait(new RetireContractVersionCommand(contractId, version, comment,
                        actor));
                case "extend" -> {
                    Instant newSunset = sunsetOf(task.getVariable("newSunset"));
                    commands.sendAndWait(new ExtendSunsetCommand(contractId, version, newSunset, comment, actor));
                    task.setVariable("sunset", Date.from(newSunset));
                }
                default -> throw new WorkflowRefusal(422, "decision must be retire or extend", List.of(new Violation(
                        "$.variables.decision", "decision", "decision must be retire or extend, not " + decision)));
            }
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }

    private static Instant sunsetOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            return DeprecationResponseListener.dateOf(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        throw new WorkflowRefusal(422, "extending needs a new sunset", List.of(new Violation(
                "$.variables.newSunset", "sunset-extended", "extending needs a new sunset")));
    }
}
