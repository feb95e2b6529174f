package org.meshgov.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.policy.PolicyCompiler;

/**
 * Changes the one policy set every test shares, through its review, and puts the shipped set back
 * afterwards so that no other test meets rules it did not expect.
 */
public final class PolicySets {

    private PolicySets() {
    }

    /** Proposes as the admin; returns the reply of the proposal. */
    public static Api.Reply propose(Api api, String document, String reason) {
        return api.post("admin", "/api/policies/proposals", "application/yaml", document, "X-Change-Reason", reason);
    }

    /** Completes the review task of {@code version} as Greta. */
    public static void decide(long version, String decision, String comment, TaskService tasks,
                              IdentityService identity) {
        Task task = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey("policy-set:" + version).singleResult(), t -> t != null);
        identity.setAuthentication("greta", List.of(GlobalGroups.GOVERNANCE_REVIEWERS));
        try {
            tasks.complete(task.getId(), Map.of("decision", decision, "comment", comment));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Proposes and approves {@code document}; returns the version now in force. */
    public static long activate(Api api, String document, String reason, TaskService tasks,
                                IdentityService identity) {
        Api.Reply proposed = propose(api, document, reason);
        if (proposed.status() != 202) {
            throw new IllegalStateException("could not propose: " + proposed);
        }
        long version = proposed.json().path("version").asLong();
        decide(version, "approve", "ok", tasks, identity);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("admin", "/api/policies").json()
                .path("version").asLong() == version);
        return version;
    }

    /** Rejects a change a test left in review, then brings the shipped set back into force when another version is. */
    public static void restoreShippedSet(Api api, TaskService tasks, IdentityService identity) {
        for (var version : api.get("admin", "/api/policies/versions").json()) {
            if (version.path("status").asText().equals("IN_REVIEW")) {
                decide(version.path("version").asLong(), "reject", "left in review by a test", tasks, identity);
                await().atMost(Duration.ofSeconds(20)).until(() -> !api.get("admin", "/api/policies/versions/"
                        + version.path("version").asLong()).json().path("status").asText().equals("IN_REVIEW"));
            }
        }
        String active = api.get("admin", "/api/policies/versions/" + api.get("admin", "/api/policies").json()
                .path("version").asLong() + "/document").body();
        if (!active.equals(PolicyCompiler.defaultPolicySet())) {
            activate(api, PolicyCompiler.defaultPolicySet(), "back to the shipped set after a test", tasks, identity);
        }
    }
}
