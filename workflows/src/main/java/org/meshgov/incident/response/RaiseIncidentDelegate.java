package org.meshgov.incident.response;

import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentRaised;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.RaiseIncidentCommand;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/** The Tasklist start form's incident, raised as the user who started it, with the same rules as the API. */
@Component("raiseIncident")
public class RaiseIncidentDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public RaiseIncidentDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            IncidentRaised raised = commands.sendAndWait(new RaiseIncidentCommand(UUID.randomUUID().toString(),
                    (String) execution.getVariable("contractId"), (String) execution.getVariable("version"),
                    FormValues.constant(IncidentKind.class, "kind", execution.getVariable("kind")),
                    FormValues.constant(IncidentSeverity.class, "severity", execution.getVariable("severity")),
                    (String) execution.getVariable("title"), (String) execution.getVariable("description"),
                    EngineActor.starting(execution)));
            execution.setVariable("incidentId", raised.incidentId());
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }
}
