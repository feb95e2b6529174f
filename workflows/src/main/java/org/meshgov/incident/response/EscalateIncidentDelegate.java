package org.meshgov.incident.response;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.incident.EscalateIncidentCommand;
import org.springframework.stereotype.Component;

/**
 * Nobody acknowledged the incident in its severity's time: the escalation is recorded, and governance
 * may now triage it too, from the same task the owners still have.
 */
@Component("escalateIncident")
public class EscalateIncidentDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public EscalateIncidentDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new EscalateIncidentCommand((String) execution.getVariable("incidentId"),
                Actor.system("acknowledgement-sla")));
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("triage")
                .list().forEach(task -> tasks.addCandidateGroup(task.getId(), GlobalGroups.GOVERNANCE_REVIEWERS));
    }
}
