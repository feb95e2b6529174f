package org.meshgov.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.identity.GlobalGroups;

/**
 * A domain of one test's own, so that moving its stage changes no other test's rules: owner
 * {@code <id>-owner} and member {@code <id>-member}, password = user name.
 */
public record TestDomain(String id, String owner, String member, Api api, IdentityService identity,
                         TaskService tasks) {

    public static TestDomain register(String prefix, Api api, IdentityService identity, TaskService tasks) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestDomain domain = new TestDomain(id, id + "-owner", id + "-member", api, identity, tasks);
        domain.group(domain.ownerGroup());
        domain.group(domain.memberGroup());
        domain.user(domain.owner, domain.ownerGroup());
        domain.user(domain.member, domain.memberGroup());
        Api.Reply registered = api.post("admin", "/api/domains", "application/json", """
                {"id":"%s","name":"%s","ownerGroup":"%s","memberGroup":"%s"}"""
                .formatted(id, id, domain.ownerGroup(), domain.memberGroup()));
        if (registered.status() != 201) {
            throw new IllegalStateException("could not register " + id + ": " + registered);
        }
        return domain;
    }

    public String ownerGroup() {
        return id + "-owners";
    }

    public String memberGroup() {
        return id + "-members";
    }

    /** Asks as the owner to move one stage at a time, and approves each move as Greta in the Tasklist. */
    public TestDomain moveTo(OnboardingStage target) {
        OnboardingStage current = OnboardingStage.valueOf(api.get(owner, "/api/domains/" + id).json()
                .path("stage").asText());
        while (current != target) {
            OnboardingStage next = current.isBefore(target)
                    ? OnboardingStage.values()[current.ordinal() + 1] : target;
            Api.Reply requested = api.post(owner, "/api/domains/" + id + "/stage-changes", "application/json",
                    "{\"stage\":\"" + next + "\",\"reason\":\"test moves it\"}");
            if (requested.status() != 202) {
                throw new IllegalStateException("could not ask to move " + id + ": " + requested);
            }
            String requestId = requested.json().path("requestId").asText();
            decide(requestId, "approve", "ok");
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get(owner, "/api/domains/" + id).json()
                    .path("stage").asText().equals(next.name()));
            current = next;
        }
        return this;
    }

    /** Completes the stage-change task of a request as Greta. */
    public void decide(String requestId, String decision, String comment) {
        Task task = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(id + ":" + requestId).singleResult(), t -> t != null);
        identity.setAuthentication("greta", List.of(GlobalGroups.GOVERNANCE_REVIEWERS));
        try {
            tasks.complete(task.getId(), Map.of("decision", decision, "comment", comment));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void group(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void user(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(userId);
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        }
    }
}
