package org.meshgov.contract.review;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.meshgov.contract.EscalateContractReviewCommand;
import org.meshgov.contract.ReviewStage;
import org.meshgov.identity.Actor;
import org.springframework.stereotype.Component;

/** The review SLA passed: governance may now decide the overdue task too, and the escalation is recorded. */
@Component("escalateReview")
public class EscalateReviewDelegate implements JavaDelegate {

    private final CommandGateway commands;

    public EscalateReviewDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean governanceStage = "escalateGovernanceReview".equals(execution.getCurrentActivityId());
        String overdueTask = governanceStage ? "governanceReview" : "ownerReview";
        String governanceGroup = (String) execution.getVariable("governanceGroup");
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(overdueTask).singleResult();
        if (task != null) {
            tasks.addCandidateGroup(task.getId(), governanceGroup);
        }
        commands.sendAndWait(new EscalateContractReviewCommand((String) execution.getVariable("contractId"),
                (String) execution.getVariable("version"),
                governanceStage ? ReviewStage.GOVERNANCE : ReviewStage.OWNER, governanceGroup,
                Actor.system("review-sla-timer")));
    }
}
