package org.meshgov.access.approval;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.access.EscalateAccessRequestCommand;
import org.meshgov.identity.Actor;
import org.springframework.stereotype.Component;

/** The decision SLA passed: governance may now decide the open approvals too, and the escalation is recorded. */
@Component("escalateAccessRequest")
public class EscalateAccessRequestDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public EscalateAccessRequestDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String governanceGroup = (String) execution.getVariable("governanceGroup");
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()
                .forEach(task -> tasks.addCandidateGroup(task.getId(), governanceGroup));
        commands.sendAndWait(new EscalateAccessRequestCommand((String) execution.getVariable("requestId"),
                governanceGroup, Actor.system("access-sla-timer")));
    }
}
