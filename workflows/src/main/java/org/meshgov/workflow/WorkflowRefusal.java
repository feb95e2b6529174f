package org.meshgov.workflow;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.NotAllowedException;

/**
 * A command refused inside the engine (a task listener or delegate). It rolls the engine's
 * transaction back like any failure, but keeps the HTTP status and violations the refusal deserves,
 * which the engine would otherwise report as a server error.
 */
public class WorkflowRefusal extends ProcessEngineException {

    private final int status;
    private final List<Violation> violations;

    public WorkflowRefusal(int status, String message, List<Violation> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public static WorkflowRefusal of(RuntimeException refusal) {
        if (refusal instanceof NotAllowedException) {
            return new WorkflowRefusal(403, refusal.getMessage(), List.of());
        }
        if (refusal instanceof IllegalTransitionException transition) {
            return new WorkflowRefusal(409, refusal.getMessage(), transition.violations());
        }
        if (refusal instanceof GovernanceViolationException violation) {
            return new WorkflowRefusal(422, refusal.getMessage(), violation.violations());
        }
        if (refusal instanceof UnknownEntityException) {
            return new WorkflowRefusal(404, refusal.getMessage(), List.of());
        }
        throw refusal;
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
