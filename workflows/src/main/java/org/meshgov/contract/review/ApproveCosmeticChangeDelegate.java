package org.meshgov.contract.review;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.contract.ApproveCosmeticChangeCommand;
import org.meshgov.identity.Actor;
import org.springframework.stereotype.Component;

@Component("approveCosmeticChange")
public class ApproveCosmeticChangeDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public ApproveCosmeticChangeDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new ApproveCosmeticChangeCommand((String) execution.getVariable("contractId"),
                (String) execution.getVariable("version"), Actor.system("cosmetic-auto-approval")));
    }
}
