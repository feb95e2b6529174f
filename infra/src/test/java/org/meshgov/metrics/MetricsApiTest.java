package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.Projections;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The metrics API over HTTP, fed by the engine's own events. */
@MeshgovSpringTest
class MetricsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPublicationReachesTheDomainFiguresAndTheContractPage() {
        Api api = new Api(port);
        Projections.awaitCaughtUp(api, MetricsProjection.PROCESSING_GROUP);
        String contractId = "metrics-api-" + UUID.randomUUID();
        int before = api.get("mia", "/api/metrics/domains/orders").json()
                .path("reviews").path("timeToPublish").path("count").asInt();

        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);

        JsonNode orders = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/metrics/domains/orders").json(),
                figures -> figures.path("reviews").path("timeToPublish").path("count").asInt() == before + 1);
        assertThat(orders.path("domain").asText()).isEqualTo("orders");
        assertThat(orders.has("domains")).isFalse();
        assertThat(orders.path("adoption").path("consumersPerContract").findValuesAsText("contractId"))
                .contains(contractId);
        Api.Reply contract = api.get("mia", "/api/metrics/contracts/" + contractId);
        assertThat(contract.status()).isEqualTo(200);
        assertThat(contract.json().path("contractId").asText()).isEqualTo(contractId);
    }

    @Test
    void theOverviewHasOneLinePerDomainAndTheDefaultWindowIsNinetyDays() {
        JsonNode overview = new Api(port).get("mia", "/api/metrics/overview").json();

        assertThat(overview.path("domains").findValuesAsText("domain")).contains("orders", "marketing");
        assertThat(Duration.between(Instant.parse(overview.path("from").asText()),
                Instant.parse(overview.path("to").asText()))).isEqualTo(Duration.ofDays(90));
        assertThat(overview.path("incidents").path("openByAge").size()).isEqualTo(4);
    }

    @Test
    void unknownDomainsAndContractsAre404AndBadWindows422() {
        Api api = new Api(port);

        assertThat(api.get("mia", "/api/metrics/domains/no-such-domain").status()).isEqualTo(404);
        assertThat(api.get("mia", "/api/metrics/contracts/no-such-contract").status()).isEqualTo(404);
        assertThat(api.get("mia", "/api/metrics/overview?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .status()).isEqualTo(422);
        assertThat(api.get("mia", "/api/metrics/overview?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .status()).isEqualTo(422);
        assertThat(api.get("mia", "/api/metrics/overview?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/metrics/overview").status()).isEqualTo(401);
    }

    @Test
    void theMetricsApiIsInTheOpenApiDescription() {
        JsonNode paths = new Api(port).get("mia", "/v3/api-docs").json().path("paths");

        assertThat(paths.has("/api/metrics/overview")).isTrue();
        assertThat(paths.has("/api/metrics/domains/{domainId}")).isTrue();
        assertThat(paths.has("/api/metrics/contracts/{contractId}")).isTrue();
    }
}
