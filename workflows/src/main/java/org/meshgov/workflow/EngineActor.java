package org.meshgov.workflow;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.meshgov.identity.Actor;

/**
 * The user who completes a task or starts a process, as the engine knows them from the Tasklist
 * login or {@code /engine-rest}.
 */
public final class EngineActor {

    private EngineActor() {
    }

    public static Actor completing(DelegateTask task) {
        return current(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
    }

    public static Actor starting(DelegateExecution execution) {
        return current(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
    }

    private static Actor current(Authentication authentication) {
        if (authentication == null || authentication.getUserId() == null) {
            throw new WorkflowRefusal(401, "a decision needs an authenticated user", List.of());
        }
        return new Actor(authentication.getUserId(),
                authentication.getGroupIds() == null ? null : Set.copyOf(authentication.getGroupIds()));
    }
}
