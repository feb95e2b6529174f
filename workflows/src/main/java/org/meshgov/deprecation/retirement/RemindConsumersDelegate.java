package org.meshgov.deprecation.retirement;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.deprecation.ReminderKind;
import org.meshgov.deprecation.RemindDeprecationConsumersCommand;
import org.meshgov.identity.Actor;
import org.springframework.stereotype.Component;

/** Consumers still silent are reminded, and governance may now answer their open tasks too. */
@Component("remindDeprecationConsumers")
public class RemindConsumersDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public RemindConsumersDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReminderKind reminder = ReminderKind.valueOf((String) execution.getVariable("reminder"));
        commands.sendAndWait(new RemindDeprecationConsumersCommand((String) execution.getVariable("contractId"),
                (String) execution.getVariable("version"), reminder, Actor.system("deprecation-reminder")));
        String governance = (String) execution.getVariable("governanceGroup");
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("acknowledge")
                .list().forEach(task -> tasks.addCandidateGroup(task.getId(), governance));
    }
}
