package org.meshgov.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
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

/** A retried write with the same Idempotency-Key answers as the first time and writes nothing new. */
@MeshgovSpringTest
class IdempotencyKeyTest {

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
        contractId = "idempotent-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
    }

    String incident(String title) {
        return """
                {"contractId":"%s","kind":"FRESHNESS","severity":"SEV3","title":"%s","description":"late"}"""
                .formatted(contractId, title);
    }

    Api.Reply raise(String user, String body, String key) {
        return api.post(user, "/api/incidents", "application/json", body, IdempotencyFilter.HEADER, key);
    }

    long incidentsOnTheContract() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE payloadtype = 'org.meshgov.incident.IncidentRaisedEvent'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'contractId' = ?""", Long.class, contractId);
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        Api.Reply first = raise("mike", incident("late"), key);
        Api.Reply retry = raise("mike", incident("late"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("incidentId").asText()).isEqualTo(first.json().path("incidentId").asText());
        assertThat(retry.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(first.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(incidentsOnTheContract()).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        raise("mike", incident("late"), key);

        Api.Reply other = raise("mike", incident("very late"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(incidentsOnTheContract()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() {
        String key = UUID.randomUUID().toString();
        raise("mike", incident("late"), key);

        assertThat(raise("olivia", incident("late"), key).header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(incidentsOnTheContract()).isEqualTo(2);
    }

    @Test
    void aRefusalIsNotKeptSoARetryIsJudgedAfreshAndStillWritesNothing() {
        String key = UUID.randomUUID().toString();

        assertThat(raise("mia", incident("late"), key).status()).isEqualTo(403);
        assertThat(raise("mia", incident("late"), key).status()).isEqualTo(403);
        assertThat(incidentsOnTheContract()).isZero();
    }

    @Test
    void concurrentRetriesWithOneKeyWriteOnce() {
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<Api.Reply>> replies = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> raise("mike", incident("late"), key)))
                .toList();

        List<String> ids = replies.stream().map(CompletableFuture::join)
                .map(reply -> reply.status() + " " + reply.json().path("incidentId").asText()).distinct().toList();

        assertThat(ids).hasSize(1).allMatch(id -> id.startsWith("201 "));
        assertThat(incidentsOnTheContract()).isEqualTo(1);
    }

    @Test
    void aKeyWithControlCharactersOrOver200CharactersIsABadRequest() {
        assertThat(raise("mike", incident("late"), "k".repeat(201)).status()).isEqualTo(400);
        assertThat(incidentsOnTheContract()).isZero();
    }
}
