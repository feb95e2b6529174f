package org.meshgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.TestDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The shipped policy set over HTTP: the same orders contract, whose restricted customer_id has no
 * quality rule, is accepted with a warning from a pilot domain and refused from a federated one.
 */
@MeshgovSpringTest
class PolicyEnforcementEndToEndTest {

    static final String SENSITIVE_RULE = "sensitive-property-quality-and-classification";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestDomain domain;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        domain = TestDomain.register("policy", api, identity, tasks);
    }

    String contract(String contractId) {
        return Examples.ordersContract("orders-v1.0.0.yaml", contractId).replace("domain: orders",
                "domain: " + domain.id());
    }

    Api.Reply propose(String contractId) {
        return api.post(domain.member(), "/api/contracts", "application/yaml", contract(contractId));
    }

    @Test
    void aPilotsProposalIsAcceptedWithTheWarningInTheResponseTheEventAndTheReviewTask() {
        String contractId = "advised-" + UUID.randomUUID();
        Api.Reply accepted = propose(contractId);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().path("warnings").get(0).asText()).startsWith(SENSITIVE_RULE + ": ");
        JsonNode policy = accepted.json().path("policy");
        assertThat(policy.path("stage").asText()).isEqualTo("PILOT");
        assertThat(policy.path("policyVersion").asLong())
                .isEqualTo(api.get("mia", "/api/policies").json().path("version").asLong());
        assertThat(policy.path("findings").get(0).path("enforcement").asText()).isEqualTo("advisory");

        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = 'org.meshgov.contract.ContractVersionProposedEvent'""",
                String.class, "contract:" + contractId);
        assertThat(payload).contains("\"rule\":\"" + SENSITIVE_RULE + "\"", "\"enforcement\":\"advisory\"");

        Task review = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(contractId + ":1.0.0").singleResult(), t -> t != null);
        assertThat((String) tasks.getVariable(review.getId(), "policyWarnings"))
                .contains("domain at stage PILOT", SENSITIVE_RULE + " (advisory)");
    }

    @Test
    void theSameProposalFromAFederatedDomainIsRefusedWithTheRuleAndNothingIsWritten() {
        domain.moveTo(OnboardingStage.FEDERATED);
        String contractId = "refused-" + UUID.randomUUID();
        Api.Reply refused = propose(contractId);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("violations").findValuesAsText("rule")).containsExactly(SENSITIVE_RULE);
        assertThat(refused.json().path("stage").asText()).isEqualTo("FEDERATED");
        assertThat(refused.json().path("policyVersion").asLong()).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, "contract:" + contractId)).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(contractId + ":1.0.0").count()).isZero();
    }

    @Test
    void aLongGrantOfAPilotsDataIsWarnedAndOfAnOnboardingDomainsDataRefused() {
        String contractId = "granted-" + UUID.randomUUID();
        assertThat(propose(contractId).status()).isEqualTo(202);
        Task review = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(contractId + ":1.0.0").singleResult(), t -> t != null);
        identity.setAuthentication(domain.owner(), java.util.List.of(domain.ownerGroup()));
        try {
            tasks.complete(review.getId(), java.util.Map.of("decision", "approve", "comment", "ok"));
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia", "/api/contracts/" + contractId).json()
                .path("versions").get(0).path("status").asText().equals("PUBLISHED"));
        String request = """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel",
                 "properties":["orders.order_id"],"until":"%s"}""".formatted(contractId,
                Instant.now().plus(Duration.ofDays(200)));

        Api.Reply warned = api.post("mia", "/api/access-requests", "application/json", request);
        assertThat(warned.status()).isEqualTo(202);
        assertThat(warned.json().path("warnings").get(0).asText()).startsWith("access-grant-max-duration: ");

        domain.moveTo(OnboardingStage.ONBOARDING);
        Api.Reply refused = api.post("oscar", "/api/access-requests", "application/json",
                request.replace("orders.order_id", "orders.order_total"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("violations").get(0).path("rule").asText())
                .isEqualTo("access-grant-max-duration");
        assertThat(refused.json().path("violations").get(0).path("path").asText()).isEqualTo("$.until");
    }
}
