package org.meshgov.deprecation.retirement;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.deprecation.ReachSunsetCommand;
import org.meshgov.identity.Actor;
import org.springframework.stereotype.Component;

/** At the sunset the contract retires the version when every consumer is ready, and says whether it did. */
@Component("reachSunset")
public class ReachSunsetDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public ReachSunsetDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Boolean retired = commands.sendAndWait(new ReachSunsetCommand((String) execution.getVariable("contractId"),
                (String) execution.getVariable("version"), Actor.system("sunset-timer")));
        execution.setVariable("allReady", retired);
    }
}
