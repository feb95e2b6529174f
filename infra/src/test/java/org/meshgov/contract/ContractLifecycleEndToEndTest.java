package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.ShippingDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lifecycle over real HTTP: propose, review through {@code /engine-rest}, read the catalog. */
@MeshgovSpringTest
class ContractLifecycleEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    Api api;
    String contractId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        contractId = "e2e-" + UUID.randomUUID();
    }

    Api.Reply propose(String user, String yaml) {
        return api.post(user, "/api/contracts", "application/yaml", yaml);
    }

    JsonNode awaitTask(String user, String businessKey) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Reply reply = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
            JsonNode tasks = reply.json();
            return tasks.isArray() && tasks.size() == 1 ? tasks.get(0) : null;
        }, task -> task != null);
    }

    Api.Reply complete(String user, String taskId, String decision, String comment) {
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", "application/json", """
                {"variables":{"decision":{"value":"%s"},"comment":{"value":"%s"}}}""".formatted(decision, comment));
    }

    long eventsOf(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                "contract:" + id);
    }

    @Test
    void aProposalIsReviewedByTheOwnersInTheTasklistAndPublishedInTheCatalog() {
        Api.Reply proposed = propose("mike", Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        assertThat(proposed.status()).isEqualTo(202);
        assertThat(proposed.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(proposed.json().path("version").asText()).isEqualTo("1.0.0");

        JsonNode task = awaitTask("olivia", contractId + ":1.0.0");
        assertThat(task.path("name").asText()).isEqualTo("Review by domain owners");
        assertThat(api.get("admin", "/engine-rest/task?candidateGroup=orders-owners&processInstanceBusinessKey="
                + contractId + ":1.0.0").json()).hasSize(1);
        assertThat(api.get("admin", "/engine-rest/task?candidateGroup=marketing-owners&processInstanceBusinessKey="
                + contractId + ":1.0.0").json()).isEmpty();
        assertThat(api.get("mia", "/engine-rest/task?processInstanceBusinessKey=" + contractId + ":1.0.0").json())
                .as("a member of another domain does not see the task").isEmpty();
        assertThat(api.get("mike", "/engine-rest/task?processInstanceBusinessKey=" + contractId + ":1.0.0").json())
                .as("the proposer does not see the task").isEmpty();

        assertThat(complete("olivia", task.path("id").asText(), "approve", "fine").status()).isEqualTo(204);

        JsonNode contract = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/contracts/" + contractId),
                reply -> reply.status() == 200
                        && reply.json().path("versions").path(0).path("status").asText().equals("PUBLISHED")).json();
        JsonNode version = contract.path("versions").path(0);
        assertThat(contract.path("latestPublishedVersion").asText()).isEqualTo("1.0.0");
        assertThat(version.path("proposedBy").asText()).isEqualTo("mike");
        assertThat(version.path("reviews").path(0).path("decidedBy").asText()).isEqualTo("olivia");
        assertThat(version.path("reviews").path(0).path("reviewedContentHash").asText())
                .isEqualTo(version.path("contentHash").asText());
    }

    @Test
    void theProposerCannotCompleteTheReviewOfTheirOwnProposal() {
        ShippingDomain.ensure(identity, api);
        assertThat(propose("sam", ShippingDomain.contract("orders-v1.0.0.yaml", contractId)).status())
                .isEqualTo(202);
        JsonNode task = awaitTask("sam", contractId + ":1.0.0");

        Api.Reply refused = complete("sam", task.path("id").asText(), "approve", "my own");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("own proposal");
        assertThat(api.get("sally", "/engine-rest/task?processInstanceBusinessKey=" + contractId + ":1.0.0").json())
                .as("the task is still open for the other owner").hasSize(1);
        assertThat(eventsOf(contractId)).isEqualTo(1);
    }

    @Test
    void aBreakingChangeWithoutANewMajorVersionIsRefusedAndWritesNothing() {
        String first = Examples.ordersContract("orders-v1.0.0.yaml", contractId);
        propose("mike", first);
        complete("olivia", awaitTask("olivia", contractId + ":1.0.0").path("id").asText(), "approve", "ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(contractId) == 3);

        Api.Reply refused = propose("mike", Examples.ordersContract("orders-v1.2.0-breaking.yaml", contractId));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode violation = refused.json().path("violations").path(0);
        assertThat(violation.path("path").asText()).isEqualTo("$.version");
        assertThat(violation.path("rule").asText()).isEqualTo("semver-bump");
        assertThat(eventsOf(contractId)).isEqualTo(3);
    }

    @Test
    void aBreakingChangeUnderANewMajorVersionNeedsTheOwnersAndGovernance() {
        propose("mike", Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        complete("olivia", awaitTask("olivia", contractId + ":1.0.0").path("id").asText(), "approve", "ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(contractId) == 3);

        Api.Reply proposed = propose("mike", Examples.ordersContract("orders-v2.0.0.yaml", contractId));
        assertThat(proposed.status()).isEqualTo(202);
        assertThat(proposed.json().path("changeLevel").asText()).isEqualTo("BREAKING");
        assertThat(proposed.json().path("changes").findValuesAsText("change")).contains("property-removed");

        complete("olivia", awaitTask("olivia", contractId + ":2.0.0").path("id").asText(), "approve", "ok");
        JsonNode governanceTask = awaitTask("greta", contractId + ":2.0.0");
        assertThat(governanceTask.path("name").asText()).isEqualTo("Review by governance");
        assertThat(complete("greta", governanceTask.path("id").asText(), "approve", "migration planned").status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/contracts/" + contractId).json().path("latestPublishedVersion").asText(),
                "2.0.0"::equals);
        JsonNode diff = api.get("mia", "/api/contracts/" + contractId + "/versions/2.0.0/changes?from=1.0.0").json();
        assertThat(diff.path("level").asText()).isEqualTo("BREAKING");
    }

    @Test
    void anonymousCallersAreTurnedAwayFromBothApis() {
        for (String path : List.of("/api/contracts", "/engine-rest/task", "/v3/api-docs")) {
            Api.Reply reply = api.get(null, path);
            assertThat(reply.status()).as(path).isEqualTo(401);
        }
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        Api.Reply reply = api.get("nobody", "/api/contracts");
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void theDocumentIsServedAsYamlOrJsonByAccept() {
        propose("mike", Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/contracts/" + contractId).status() == 200);
        Api.Reply yaml = api.get("mia", "/api/contracts/" + contractId + "/versions/1.0.0", "application/yaml");
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.body()).contains("id: " + contractId);
        Api.Reply json = api.get("mia", "/api/contracts/" + contractId + "/versions/1.0.0", "application/json");
        assertThat(json.json().path("id").asText()).isEqualTo(contractId);
        assertThat(json.body()).as("served in the order it was written").startsWith("{\"apiVersion\"");
    }

    @Test
    void theCatalogFindsContractsByPropertyName() {
        propose("mike", Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/contracts?q=customer_id&domain=orders").json().findValuesAsText("contractId"),
                ids -> ids.contains(contractId));
        assertThat(api.get("mia", "/api/contracts?q=no_such_column_anywhere").json()).isEmpty();
    }

    @Test
    void anUnknownContractIsNotFound() {
        Api.Reply reply = api.get("mia", "/api/contracts/" + contractId);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
