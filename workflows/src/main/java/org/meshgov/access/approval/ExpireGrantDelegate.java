package org.meshgov.access.approval;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.access.ExpireAccessCommand;
import org.meshgov.identity.Actor;
import org.springframework.stereotype.Component;

@Component("expireGrant")
public class ExpireGrantDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public ExpireGrantDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new ExpireAccessCommand((String) execution.getVariable("requestId"),
                Actor.system("grant-expiry-timer")));
    }
}
