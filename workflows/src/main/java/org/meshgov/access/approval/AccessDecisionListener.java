package org.meshgov.access.approval;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.meshgov.access.AccessDecision;
import org.meshgov.access.ApprovalRole;
import org.meshgov.access.DecideAccessRequestCommand;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.workflow.EngineActor;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.stereotype.Component;

/** Turns an approval task's completion into a decision command; a refusal rolls the completion back. */
@Component("accessDecisionListener")
public class AccessDecisionListener implements TaskListener {

    private final CommandGateway commands;

    public AccessDecisionListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        String value = (String) task.getVariable("decision");
        AccessDecision decision = AccessDecision.fromWireName(value).orElseThrow(() -> new WorkflowRefusal(422,
                "decision must be approve or deny", List.of(new Violation("$.variables.decision", "decision",
                "decision must be approve or deny, not " + value))));
        ApprovalRole role = "privacyApproval".equals(task.getTaskDefinitionKey())
                ? ApprovalRole.PRIVACY : ApprovalRole.OWNER;
        try {
            commands.sendAndWait(new DecideAccessRequestCommand((String) task.getVariable("requestId"), role,
                    decision, (String) task.getVariable("comment"), EngineActor.completing(task)));
        } catch (NotAllowedException | GovernanceViolationException | UnknownEntityException refused) {
            throw WorkflowRefusal.of(refused);
        }
    }
}
