package org.meshgov.contract.review;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.contract.DecideContractReviewCommand;
import org.meshgov.contract.ReviewDecision;
import org.meshgov.contract.ReviewStage;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/**
 * Turns the completion of a review task, from the Tasklist or {@code /engine-rest}, into a decision
 * command. The command handler decides whether the reviewer may; a refusal rolls the completion back.
 */
@Component("reviewDecisionListener")
public class ReviewDecisionListener implements TaskListener {

    private final CommandGateway commands;

    public ReviewDecisionListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        Actor reviewer = EngineActor.completing(task);
        String decisionValue = (String) task.getVariable("decision");
        ReviewDecision decision = ReviewDecision.fromWireName(decisionValue).orElseThrow(() -> new WorkflowRefusal(422,
                "decision must be approve, requestChanges or reject", List.of(new Violation("$.variables.decision",
                        "decision", "decision must be approve, requestChanges or reject, not " + decisionValue))));
        ReviewStage stage = "governanceReview".equals(task.getTaskDefinitionKey())
                ? ReviewStage.GOVERNANCE : ReviewStage.OWNER;
        try {
            commands.sendAndWait(new DecideContractReviewCommand((String) task.getVariable("contractId"),
                    (String) task.getVariable("version"), stage, decision, (String) task.getVariable("comment"),
                    (String) task.getVariable("contentHash"), reviewer));
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }
}
