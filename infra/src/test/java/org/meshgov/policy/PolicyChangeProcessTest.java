package org.meshgov.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PolicySets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** BPMN {@code policy-change}: a new version of the policy set is proposed, reviewed by governance, then in force. */
@MeshgovSpringTest
class PolicyChangeProcessTest {

    static final String EXTRA_RULE = """
              - name: incident-title-short
                target: incident
                condition: size(incident.title) <= 120
                message: keep the title under 120 characters
                enforcement: {pilot: advisory, onboarding: advisory, federated: advisory}
            """;

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void restore() {
        PolicySets.restoreShippedSet(api, tasks, identity);
    }

    long activeVersion() {
        return api.get("mia", "/api/policies").json().path("version").asLong();
    }

    @Test
    void theShippedSetIsInForceFromTheFirstStartAndAnyoneCanReadIt() {
        JsonNode active = api.get("mia", "/api/policies").json();
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("rules")).extracting(JsonNode::asText).contains("contract-owner-team", "access-grant-max-duration");
        JsonNode first = api.get("mia", "/api/policies/versions/1").json();
        assertThat(first.path("proposedBy").asText()).isEqualTo("system:default-policy-set");
        assertThat(api.get("mia", "/api/policies/versions/1/document").body())
                .isEqualTo(PolicyCompiler.defaultPolicySet());
        Api.Reply schema = api.get("mia", "/api/policies/schema");
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.json().path("title").asText()).isEqualTo("meshgov policy set");
    }

    @Test
    void aChangeIsReviewedByGovernanceThenInForceAndTheOldVersionIsKeptInTheHistory() {
        long before = activeVersion();
        Api.Reply proposed = PolicySets.propose(api, PolicyCompiler.defaultPolicySet() + EXTRA_RULE,
                "titles fit in a notification");
        assertThat(proposed.status()).isEqualTo(202);
        long version = proposed.json().path("version").asLong();
        assertThat(proposed.json().path("basedOn").asLong()).isEqualTo(before);
        assertThat(proposed.json().path("changes").get(0).asText())
                .isEqualTo("added incident-title-short (incident): pilot advisory, onboarding advisory, federated advisory");

        Task task = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey("policy-set:" + version).singleResult(), t -> t != null);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("reviewPolicyChange");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("governance-reviewers").count())
                .isEqualTo(1);
        assertThat((String) tasks.getVariable(task.getId(), "changes")).contains("added incident-title-short");
        assertThat(api.get("mia", "/api/policies/versions/" + version).json().path("status").asText())
                .isEqualTo("IN_REVIEW");
        assertThat(activeVersion()).isEqualTo(before);

        PolicySets.decide(version, "approve", "agreed", tasks, identity);

        await().atMost(Duration.ofSeconds(20)).until(() -> activeVersion() == version);
        JsonNode history = api.get("mia", "/api/policies/versions").json();
        assertThat(history.get(0).path("version").asLong()).isEqualTo(version);
        assertThat(history.get(0).path("decidedBy").asText()).isEqualTo("greta");
        JsonNode previous = api.get("mia", "/api/policies/versions/" + before).json();
        assertThat(previous.path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(previous.path("activeUntil").isNull()).isFalse();
    }

    @Test
    void aRejectedChangeNeverComesIntoForce() {
        long before = activeVersion();
        long version = PolicySets.propose(api, PolicyCompiler.defaultPolicySet() + EXTRA_RULE, "try it")
                .json().path("version").asLong();
        PolicySets.decide(version, "reject", "not needed", tasks, identity);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia", "/api/policies/versions/" + version)
                .json().path("status").asText().equals("REJECTED"));
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(api.get("mia", "/api/policies/versions/" + version).json().path("comment").asText())
                .isEqualTo("not needed");
    }

    @Test
    void onlyAdminsAndGovernanceProposeAndOnlyValidSets() {
        assertThat(api.post("olivia", "/api/policies/proposals", "application/yaml",
                PolicyCompiler.defaultPolicySet() + EXTRA_RULE, "X-Change-Reason", "mine").status()).isEqualTo(403);
        Api.Reply invalid = PolicySets.propose(api, PolicyCompiler.defaultPolicySet()
                .replace("condition: run.reportDelayHours <= params.maxHours", "condition: run.reportDelayHours <="),
                "broken");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("violations").get(0).path("rule").asText()).isEqualTo("policy-condition");
        assertThat(invalid.json().path("violations").get(0).path("path").asText()).isEqualTo("$.rules[8].condition");
        Api.Reply withoutReason = api.post("admin", "/api/policies/proposals", "application/yaml",
                PolicyCompiler.defaultPolicySet() + EXTRA_RULE);
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.json().path("violations").get(0).path("rule").asText()).isEqualTo("reason-required");
    }

    @Test
    void everyEvaluationRecordsThePolicyVersionInForce() {
        long version = PolicySets.activate(api, PolicyCompiler.defaultPolicySet() + EXTRA_RULE, "versioned",
                tasks, identity);
        Api.Reply raised = api.post("olivia", "/api/incidents", "application/json", """
                {"contractId":"nowhere","kind":"FRESHNESS","severity":"SEV3","title":"t","description":"d"}""");
        assertThat(raised.status()).isEqualTo(422); // no such contract: refused before any rule is read
        Api.Reply proposed = api.post("mike", "/api/contracts", "application/yaml",
                org.meshgov.support.Examples.ordersContract("orders-v1.0.0.yaml",
                        "policy-version-" + java.util.UUID.randomUUID()));
        assertThat(proposed.status()).isEqualTo(202);
        assertThat(proposed.json().path("policy").path("policyVersion").asLong()).isEqualTo(version);
        assertThat(proposed.json().path("policy").path("stage").asText()).isEqualTo("PILOT");
    }
}
