package org.meshgov.incident.response;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.meshgov.identity.Actor;
import org.meshgov.incident.CloseIncidentCommand;
import org.springframework.stereotype.Component;

/** Closing follows the resolution, or its postmortem, by itself; the incident still refuses a missing postmortem. */
@Component("closeIncident")
public class CloseIncidentDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public CloseIncidentDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new CloseIncidentCommand((String) execution.getVariable("incidentId"),
                Actor.system("incident-process")));
    }
}
