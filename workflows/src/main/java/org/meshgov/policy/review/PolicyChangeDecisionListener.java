package org.meshgov.policy.review;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.governance.ApprovalDecision;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.policy.DecidePolicyChangeCommand;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/** Turns the policy review task's completion into a decision command; a refusal rolls the completion back. */
@Component("policyChangeDecisionListener")
public class PolicyChangeDecisionListener implements TaskListener {

    private final CommandGateway commands;

    public PolicyChangeDecisionListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        String value = (String) task.getVariable("decision");
        ApprovalDecision decision = ApprovalDecision.fromWireName(value).orElseThrow(() -> new WorkflowRefusal(422,
                "decision must be approve or reject", List.of(new Violation("$.variables.decision", "decision",
                "decision must be approve or reject, not " + value))));
        try {
            commands.sendAndWait(new DecidePolicyChangeCommand(((Number) task.getVariable("version")).longValue(),
                    decision, (String) task.getVariable("comment"), EngineActor.completing(task)));
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }
}
