package org.meshgov.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.identity.Actor;
import org.meshgov.support.Api;
import org.meshgov.support.Grants;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/incidents}: who may raise one, and what a refusal looks like. */
@MeshgovSpringTest
class RaiseIncidentApiTest {

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
        contractId = "raise-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
    }

    Api.Reply raise(String user, String kind, String severity) {
        return api.post(user, "/api/incidents", "application/json", """
                {"contractId":"%s","kind":%s,"severity":%s,"title":"Orders are late",
                 "description":"The nightly load did not run"}"""
                .formatted(contractId, kind == null ? "null" : '"' + kind + '"',
                        severity == null ? "null" : '"' + severity + '"'));
    }

    long incidentsOnTheContract() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE payloadtype = 'org.meshgov.incident.IncidentRaisedEvent'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'contractId' = ?""", Long.class, contractId);
    }

    @Test
    void aMemberOfTheOwningDomainRaisesAnIncidentOnTheLatestVersion() {
        Api.Reply reply = raise("mike", "FRESHNESS", "SEV2");

        assertThat(reply.status()).isEqualTo(201);
        String incidentId = reply.json().path("incidentId").asText();
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'version' FROM domainevententry
                WHERE aggregateidentifier = ?""", String.class, "incident:" + incidentId)).isEqualTo("1.0.0");
    }

    @Test
    void aConsumerWithAGrantMayRaiseAnIncident() {
        Grants.grant(contractId, "marketing", Actor.of("mia", "marketing-members"), commands, jdbc);

        assertThat(raise("mia", "QUALITY", "SEV3").status()).isEqualTo(201);
    }

    @Test
    void aDomainWithoutAccessIsForbiddenAndNothingIsWritten() {
        Api.Reply reply = raise("mia", "QUALITY", "SEV3");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(incidentsOnTheContract()).isZero();
    }

    @Test
    void anUnknownKindAndAMissingSeverityAreBothReported() {
        Api.Reply reply = raise("mike", "HUNCH", null);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("violations").findValuesAsText("path")).contains("$.kind", "$.severity");
        assertThat(incidentsOnTheContract()).isZero();
    }

    @Test
    void anIncidentOnAnUnknownContractIsRefused() {
        Api.Reply reply = api.post("mike", "/api/incidents", "application/json", """
                {"contractId":"no-such-contract","kind":"OTHER","severity":"SEV4","title":"t","description":"d"}""");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("violations").findValuesAsText("rule")).contains("contract-published");
    }
}
