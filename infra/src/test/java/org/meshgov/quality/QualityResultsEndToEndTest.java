package org.meshgov.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pipelines report quality results over HTTP; compliance per version is passed results over all results. */
@MeshgovSpringTest
class QualityResultsEndToEndTest {

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

    Api api;
    String contractId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        contractId = "quality-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
    }

    Api.Reply report(String user, String runId, String rule, boolean passed) {
        return api.post(user, "/api/quality-results", "application/json", """
                {"contractId":"%s","version":"1.0.0","runId":"%s","runAt":"2026-11-27T06:00:00Z",
                 "results":[{"rule":"%s","passed":%s,"measured":%s}]}"""
                .formatted(contractId, runId, rule, passed, passed ? 0 : 3));
    }

    long runEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, "quality-run:" + contractId + ":%");
    }

    @Test
    void complianceIsPassedResultsOverAllResultsOfTheVersion() {
        assertThat(report("mike", "run-1", "order_total_not_negative", false).status()).isEqualTo(202);
        assertThat(report("mike", "run-2", "order_total_not_negative", true).status()).isEqualTo(202);

        JsonNode compliance = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia",
                "/api/contracts/" + contractId + "/versions/1.0.0/quality").json(),
                found -> found.path("total").asLong() == 2);
        assertThat(compliance.path("runs").asLong()).isEqualTo(2);
        assertThat(compliance.path("compliance").asDouble()).isEqualTo(0.5);
        assertThat(compliance.path("rules").get(0).path("severity").asText()).isEqualTo("error");
    }

    @Test
    void aRunIsRecordedOnceAndItsRulesMustExist() {
        report("mike", "run-1", "order_total_not_negative", false);

        Api.Reply again = report("mike", "run-1", "order_total_not_negative", true);
        Api.Reply unknownRule = report("mike", "run-2", "row_count_positive", true);

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("violations").findValuesAsText("rule")).contains("duplicate-run");
        assertThat(unknownRule.status()).isEqualTo(422);
        assertThat(unknownRule.json().path("violations").findValuesAsText("path")).contains("$.results[0].rule");
        assertThat(runEvents()).isEqualTo(1);
    }

    @Test
    void anotherDomainCannotReportOnTheContract() {
        assertThat(report("mia", "run-1", "order_total_not_negative", true).status()).isEqualTo(403);
        assertThat(runEvents()).isZero();
    }
}
