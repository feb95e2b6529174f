package org.meshgov.access.approval;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.access.DeclineRenewalCommand;
import org.meshgov.access.RequestAccessCommand;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/**
 * Near the end of a grant the consumer's owners renew it, which is a new request through the same
 * guardrails, or let it lapse.
 */
@Component("renewalDecisionListener")
public class RenewalDecisionListener implements TaskListener {

    private final CommandGateway commands;

    public RenewalDecisionListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        Actor actor = EngineActor.completing(task);
        String grantId = (String) task.getVariable("requestId");
        String decision = (String) task.getVariable("decision");
        try {
            switch (decision == null ? "" : decision) {
                case "renew" -> commands.sendAndWait(renewal(task, grantId, actor));
                case "lapse" -> commands.sendAndWait(new DeclineRenewalCommand(grantId,
                        (String) task.getVariable("comment"), actor));
                default -> throw new WorkflowRefusal(422, "decision must be renew or lapse",
                        List.of(new Violation("$.variables.decision", "decision",
                                "decision must be renew or lapse, not " + decision)));
            }
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }

    private static RequestAccessCommand renewal(DelegateTask task, String grantId, Actor actor) {
        if (!(task.getVariable("newUntil") instanceof Date newUntil)) {
            throw new WorkflowRefusal(422, "a renewal needs a new end date",
                    List.of(new Violation("$.variables.newUntil", "until-future", "a renewal needs a new end date")));
        }
        String properties = (String) task.getVariable("properties");
        return new RequestAccessCommand(UUID.randomUUID().toString(), (String) task.getVariable("contractId"),
                ((Number) task.getVariable("majorVersion")).longValue(), (String) task.getVariable("consumerDomain"),
                (String) task.getVariable("purpose"),
                properties == null || properties.isBlank() ? List.of() : Arrays.asList(properties.split(",")),
                newUntil.toInstant(), grantId, actor);
    }
}
