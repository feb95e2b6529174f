package org.meshgov.incident.response;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.incident.RecordPostmortemCommand;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/** The postmortem that the worst incidents owe before they close: its text, or a link to it. */
@Component("incidentPostmortemListener")
public class IncidentPostmortemListener implements TaskListener {

    private final CommandGateway commands;

    public IncidentPostmortemListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            commands.sendAndWait(new RecordPostmortemCommand((String) task.getVariable("incidentId"),
                    (String) task.getVariable("postmortem"), EngineActor.completing(task)));
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }
}
