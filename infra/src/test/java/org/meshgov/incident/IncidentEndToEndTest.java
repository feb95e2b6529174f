package org.meshgov.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.meshgov.identity.Actor;
import org.meshgov.support.Api;
import org.meshgov.support.Grants;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A failing pipeline run opens an incident, a second failure attaches to it, the owner triages and
 * the assignee resolves through {@code /engine-rest}, and the incident shows every step with its actor.
 */
@MeshgovSpringTest
class IncidentEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

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

    void failingRun(String contractId, String runId) {
        assertThat(api.post("mike", "/api/quality-results", "application/json", """
                {"contractId":"%s","version":"1.0.0","runId":"%s","runAt":"2026-11-27T06:00:00Z",
                 "results":[{"rule":"order_total_not_negative","passed":false,"measured":3,
                             "details":"3 negative totals"}]}""".formatted(contractId, runId)).status())
                .isEqualTo(202);
    }

    String taskOf(String user, String incidentId, String taskKey) {
        JsonNode found = await().atMost(Duration.ofSeconds(20)).until(() -> api.get(user,
                        "/engine-rest/task?processInstanceBusinessKey=" + incidentId + "&taskDefinitionKey=" + taskKey)
                .json(), list -> list.size() == 1);
        return found.get(0).path("id").asText();
    }

    Api.Reply complete(String user, String taskId, String variables) {
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", "application/json",
                "{\"variables\":{" + variables + "}}");
    }

    JsonNode incident(String incidentId) {
        return api.get("mia", "/api/incidents/" + incidentId).json();
    }

    @Test
    void aFailingRunOpensAnIncidentThatIsTriagedResolvedAndClosedWithEveryStepOnItsTimeline() throws Exception {
        api = new Api(port);
        String contractId = "incident-e2e-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        Grants.grant(contractId, "marketing", Actor.of("mia", "marketing-members"), commands, jdbc);

        failingRun(contractId, "run-1");
        JsonNode opened = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia",
                "/api/incidents?contractId=" + contractId).json(), list -> list.size() == 1).get(0);
        String incidentId = opened.path("id").asText();
        assertThat(opened.path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.path("kind").asText()).isEqualTo("QUALITY");
        assertThat(opened.path("consumers").toString()).contains("marketing");

        failingRun(contractId, "run-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> incident(incidentId).path("failures").path("count")
                .asInt() == 2);
        assertThat(api.get("mia", "/api/incidents?contractId=" + contractId).json()).hasSize(1);

        String triage = taskOf("olivia", incidentId, "triage");
        assertThat(complete("mike", triage, "\"decision\":{\"value\":\"acknowledge\"},\"assignee\":{\"value\":\"mike\"}")
                .status()).isIn(403, 404);
        assertThat(complete("olivia", triage, """
                "decision":{"value":"acknowledge"},"severity":{"value":"SEV2"},"assignee":{"value":"mike"},
                "comment":{"value":"refund job writes negative totals"}""").status()).isEqualTo(204);

        String resolution = taskOf("mike", incidentId, "resolution");
        assertThat(complete("mike", resolution, "\"resolution\":{\"value\":\"fixed-at-source\"}").status())
                .isEqualTo(422);
        assertThat(complete("mike", resolution, """
                "resolution":{"value":"fixed-at-source"},"comment":{"value":"refunds no longer negate totals"}""")
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> incident(incidentId).path("status").asText()
                .equals("RESOLVED"));

        String postmortem = taskOf("mike", incidentId, "postmortem");
        assertThat(complete("mike", postmortem, "\"postmortem\":{\"value\":\"https://wiki.example.com/pm/42\"}")
                .status()).isEqualTo(204);
        JsonNode closed = await().atMost(Duration.ofSeconds(20)).until(() -> incident(incidentId),
                found -> found.path("status").asText().equals("CLOSED"));

        List<String> steps = new ArrayList<>();
        closed.path("timeline").forEach(entry -> steps.add(entry.path("type").asText() + " by "
                + entry.path("actor").asText()));
        assertThat(steps).containsExactly(
                "raised by system:quality-incidents",
                "quality-failure by system:quality-incidents",
                "acknowledged by olivia",
                "resolved by mike",
                "postmortem by mike",
                "closed by system:incident-process");
        assertThat(closed.path("raisedBy").asText()).isEqualTo("mike");
        assertThat(closed.path("severity").asText()).isEqualTo("SEV2");
        assertThat(closed.path("assignee").asText()).isEqualTo("mike");
        assertThat(closed.path("timeToAcknowledgeSeconds").isNumber()).isTrue();
        assertThat(closed.path("timeToResolveSeconds").asDouble())
                .isGreaterThanOrEqualTo(closed.path("timeToAcknowledgeSeconds").asDouble());

        List<String> announced = jdbc.queryForList("""
                SELECT event_type FROM webhook_delivery WHERE body::jsonb -> 'payload' ->> 'incidentId' = ?
                ORDER BY id""", String.class, incidentId);
        assertThat(announced).containsExactly("incident.raised", "incident.resolved");
        String resolvedBody = jdbc.queryForObject("""
                SELECT body FROM webhook_delivery WHERE event_type = 'incident.resolved'
                AND body::jsonb -> 'payload' ->> 'incidentId' = ?""", String.class, incidentId);
        assertThat(JSON.readTree(resolvedBody).path("payload").path("consumers").toString()).contains("marketing");
    }
}
