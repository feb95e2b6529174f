package org.meshgov.incident.response;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.incident.IncidentResolution;
import org.meshgov.incident.ResolutionReason;
import org.meshgov.incident.ResolveIncidentCommand;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/** The assignee says why the incident ended; the incident, not the process, decides whether a postmortem is owed. */
@Component("incidentResolutionListener")
public class IncidentResolutionListener implements TaskListener {

    private final CommandGateway commands;

    public IncidentResolutionListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = task.getVariable("resolution");
        ResolutionReason reason = ResolutionReason.fromWireName(value instanceof String text ? text : null)
                .orElseThrow(() -> new WorkflowRefusal(422, "unknown resolution", List.of(new Violation(
                        "$.variables.resolution", "resolution", "resolution must be fixed-at-source, "
                        + "false-positive, upstream, expected-change or other, not " + value))));
        try {
            IncidentResolution resolution = commands.sendAndWait(new ResolveIncidentCommand(
                    (String) task.getVariable("incidentId"), reason, (String) task.getVariable("comment"),
                    EngineActor.completing(task)));
            task.setVariable("postmortemRequired", resolution.postmortemRequired());
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }
}
