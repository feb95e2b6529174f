package org.meshgov.incident.response;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.incident.AcknowledgeIncidentCommand;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/**
 * Triage: the owners acknowledge the incident, confirm or change its severity and name who fixes
 * it. The process then carries the confirmed severity and the assignee, whom the next task goes to.
 */
@Component("incidentTriageListener")
public class IncidentTriageListener implements TaskListener {

    private static final String ACKNOWLEDGE = "acknowledge";

    private final CommandGateway commands;

    public IncidentTriageListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable("decision");
        if (!ACKNOWLEDGE.equals(decision)) {
            throw new WorkflowRefusal(422, "decision must be acknowledge", List.of(new Violation(
                    "$.variables.decision", "decision", "decision must be acknowledge, not " + decision)));
        }
        // nothing chosen keeps the severity the incident was raised with
        IncidentSeverity requested = FormValues.constant(IncidentSeverity.class, "severity",
                task.getVariable("severity"));
        String assignee = FormValues.stripped(task.getVariable("assignee"));
        try {
            commands.sendAndWait(new AcknowledgeIncidentCommand((String) task.getVariable("incidentId"), requested,
                    assignee, (String) task.getVariable("comment"), EngineActor.completing(task)));
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
        IncidentSeverity confirmed = requested != null ? requested
                : IncidentSeverity.valueOf((String) task.getVariable("raisedSeverity"));
        task.setVariable("severity", confirmed.name());
        task.setVariable("assignee", assignee);
        // form values land on the process: a leftover triage comment would pass for the resolution's own
        task.removeVariable("comment");
    }
}
