package org.meshgov.deprecation.retirement;

import java.time.ZoneOffset;
import java.util.Date;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.deprecation.DeprecateContractVersionCommand;
import org.meshgov.deprecation.DeprecationOpened;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/** The Tasklist start form's deprecation, sent as the user who started it, with the same rules as the API. */
@Component("raiseDeprecation")
public class RaiseDeprecationDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public RaiseDeprecationDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Actor actor = EngineActor.starting(execution);
        Object sunset = execution.getVariable("sunset");
        String replacement = (String) execution.getVariable("replacementVersion");
        try {
            DeprecationOpened opened = commands.sendAndWait(new DeprecateContractVersionCommand(
                    (String) execution.getVariable("contractId"), (String) execution.getVariable("version"),
                    (String) execution.getVariable("reason"),
                    sunset instanceof Date date ? date.toInstant()
                            : DeprecationResponseListener.dateOf(sunset).atStartOfDay().toInstant(ZoneOffset.UTC),
                    replacement == null || replacement.isBlank() ? null : replacement, actor));
            execution.setVariable("deprecationId", opened.deprecationId());
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }
}
