package org.meshgov.workflow;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.meshgov.identity.Actor;

/** The user who completed a task, as the engine knows them from the Tasklist login or {@code /engine-rest}. */
public final class EngineActor {

    private EngineActor() {
    }

    public static Actor completing(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new WorkflowRefusal(401, "a decision needs an authenticated user", List.of());
        }
        return new Actor(authentication.getUserId(),
                authentication.getGroupIds() == null ? null : Set.copyOf(authentication.getGroupIds()));
    }
}
