package org.meshgov.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.ProposeContractVersionCommand;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.incident.read.IncidentProjection;
import org.meshgov.support.Api;
import org.meshgov.support.Grants;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.meshgov.support.ShippingDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents driven by real commands and read over HTTP: the list and its filters, each incident's
 * timeline with who did what, the times to acknowledge and resolve, and a rebuild from the log.
 */
@MeshgovSpringTest
class IncidentReadTest {

    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");
    static final Actor MIKE = Actor.of("mike", "orders-members");
    static final Actor PIPELINE = Actor.system("quality-incidents");
    static final Instant FIRST_RUN = Instant.parse("2026-11-27T06:00:00Z");

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
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionTemplate transaction;

    Api api;
    String contractId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        contractId = "incident-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
    }

    String raise(IncidentSeverity severity, Actor actor) {
        return raise(contractId, severity, actor);
    }

    String raise(String contract, IncidentSeverity severity, Actor actor) {
        String incidentId = UUID.randomUUID().toString();
        commands.sendAndWait(new RaiseIncidentCommand(incidentId, contract, null, IncidentKind.FRESHNESS, severity,
                "Orders are six hours late", "The nightly load did not run", actor));
        return incidentId;
    }

    JsonNode awaitIncident(String incidentId, String status, int events) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia", "/api/incidents/" + incidentId),
                reply -> reply.status() == 200 && reply.json().path("status").asText().equals(status)
                        && reply.json().path("timeline").size() == events).json();
    }

    List<String> ids(String query) {
        Api.Reply reply = api.get("mia", "/api/incidents" + query);
        assertThat(reply.status()).as(query).isEqualTo(200);
        return reply.json().findValuesAsText("id");
    }

    /** When the event store says each of the incident's events happened, by payload type. */
    Map<String, Instant> eventTimes(String incidentId) {
        Map<String, Instant> times = new HashMap<>();
        jdbc.query("SELECT payloadtype, \"timestamp\" FROM domainevententry WHERE aggregateidentifier = ?",
                row -> {
                    String type = row.getString("payloadtype");
                    // the read model keeps what PostgreSQL keeps: microseconds
                    times.put(type.substring(type.lastIndexOf('.') + 1),
                            Instant.parse(row.getString("timestamp")).truncatedTo(ChronoUnit.MICROS));
                }, Incident.aggregateId(incidentId));
        return times;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    @Test
    void anIncidentShowsEveryStepInOrderWithWhoTookItAndHowLongItTook() {
        Grants.grant(contractId, "marketing", Actor.of("mia", "marketing-members"), commands, jdbc);
        String incidentId = raise(IncidentSeverity.SEV3, OLIVIA);

        JsonNode open = awaitIncident(incidentId, "OPEN", 1);
        assertThat(open.path("raisedBy").asText()).isEqualTo("olivia");
        assertThat(open.path("consumers").toString()).isEqualTo("[\"marketing\"]");
        assertThat(open.path("acknowledgeBy").isTextual()).isTrue();
        assertThat(open.path("timeToAcknowledge").isNull()).isTrue();
        assertThat(open.path("timeToAcknowledgeSeconds").isNull()).isTrue();
        assertThat(open.path("timeToResolve").isNull()).isTrue();

        commands.sendAndWait(new AcknowledgeIncidentCommand(incidentId, IncidentSeverity.SEV2, "mike",
                "worse than it looked: finance reads it", OLIVIA));
        commands.sendAndWait(new ResolveIncidentCommand(incidentId, ResolutionReason.FIXED_AT_SOURCE,
                "reran the load", MIKE));
        commands.sendAndWait(new RecordPostmortemCommand(incidentId, "https://wiki.example/pm/42", MIKE));
        commands.sendAndWait(new CloseIncidentCommand(incidentId, Actor.system("test")));

        JsonNode closed = awaitIncident(incidentId, "CLOSED", 5);
        JsonNode timeline = closed.path("timeline");
        assertThat(texts(timeline, "type")).containsExactly("raised", "acknowledged", "resolved", "postmortem",
                "closed");
        assertThat(texts(timeline, "actor")).containsExactly("olivia", "olivia", "mike", "mike", "system:test");
        assertThat(texts(timeline, "sequence")).containsExactly("0", "1", "2", "3", "4");
        JsonNode acknowledged = timeline.path(1).path("details");
        assertThat(acknowledged.path("previousSeverity").asText()).isEqualTo("SEV3");
        assertThat(acknowledged.path("severity").asText()).isEqualTo("SEV2");
        assertThat(acknowledged.path("assignee").asText()).isEqualTo("mike");
        assertThat(acknowledged.path("comment").asText()).isEqualTo("worse than it looked: finance reads it");
        assertThat(timeline.path(2).path("details").path("reason").asText()).isEqualTo("fixed-at-source");
        assertThat(timeline.path(2).path("details").path("postmortemRequired").asBoolean()).isTrue();

        assertThat(closed.path("severity").asText()).isEqualTo("SEV2");
        assertThat(closed.path("assignee").asText()).isEqualTo("mike");
        assertThat(closed.path("acknowledgedBy").asText()).isEqualTo("olivia");
        assertThat(closed.path("resolution").asText()).isEqualTo("fixed-at-source");
        assertThat(closed.path("comment").asText()).isEqualTo("reran the load");
        assertThat(closed.path("resolvedBy").asText()).isEqualTo("mike");
        assertThat(closed.path("postmortemRequired").asBoolean()).isTrue();
        assertThat(closed.path("postmortem").asText()).isEqualTo("https://wiki.example/pm/42");
        assertThat(closed.path("closedBy").asText()).isEqualTo("system:test");
        assertThat(closed.path("escalated").asBoolean()).isFalse();
        assertThat(closed.path("description").asText()).isEqualTo("The nightly load did not run");

        Map<String, Instant> at = eventTimes(incidentId);
        Duration toAcknowledge = Duration.between(at.get("IncidentRaisedEvent"), at.get("IncidentAcknowledgedEvent"));
        Duration toResolve = Duration.between(at.get("IncidentRaisedEvent"), at.get("IncidentResolvedEvent"));
        assertThat(toResolve).isGreaterThan(toAcknowledge).isPositive();
        assertThat(Instant.parse(closed.path("raisedAt").asText())).isEqualTo(at.get("IncidentRaisedEvent"));
        assertThat(Instant.parse(closed.path("closedAt").asText())).isEqualTo(at.get("IncidentClosedEvent"));
        assertThat(Duration.parse(closed.path("timeToAcknowledge").asText())).isEqualTo(toAcknowledge);
        assertThat(Duration.parse(closed.path("timeToResolve").asText())).isEqualTo(toResolve);
        assertThat(closed.path("timeToAcknowledgeSeconds").asDouble()).isEqualTo(toAcknowledge.toNanos() / 1e9);
        assertThat(closed.path("timeToResolveSeconds").asDouble()).isEqualTo(toResolve.toNanos() / 1e9);
        assertThat(Instant.parse(timeline.path(2).path("at").asText())).isEqualTo(at.get("IncidentResolvedEvent"));
    }

    /** Opened by a failed run, failed again (that run reported twice), recovered, escalated unacknowledged. */
    String qualityIncident() {
        String incidentId = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenQualityIncidentCommand(incidentId, contractId, "1.0.0",
                "order_total_not_negative", "run-1", FIRST_RUN, 3.0, "3 negative totals", "mike", PIPELINE));
        commands.sendAndWait(new AttachQualityFailureCommand(incidentId, "1.0.0", "run-2",
                FIRST_RUN.plus(Duration.ofDays(1)), 5.0, "5 negative totals", PIPELINE));
        commands.sendAndWait(new AttachQualityFailureCommand(incidentId, "1.0.0", "run-2",
                FIRST_RUN.plus(Duration.ofDays(1)), 5.0, "the same run reported twice", PIPELINE));
        commands.sendAndWait(new RecordQualityRecoveryCommand(incidentId, "1.0.0", "run-3",
                FIRST_RUN.plus(Duration.ofDays(2)), 0.0, PIPELINE));
        commands.sendAndWait(new EscalateIncidentCommand(incidentId, Actor.system("acknowledgement-sla")));
        return incidentId;
    }

    @Test
    void aQualityIncidentCountsItsFailedRunsAndShowsItsRecoveryAndEscalation() {
        String incidentId = qualityIncident();

        JsonNode incident = awaitIncident(incidentId, "OPEN", 4);

        assertThat(incident.path("kind").asText()).isEqualTo("QUALITY");
        assertThat(incident.path("rule").asText()).isEqualTo("order_total_not_negative");
        assertThat(incident.path("raisedBy").asText()).isEqualTo("mike");
        assertThat(incident.path("failures").path("count").asInt()).isEqualTo(2);
        assertThat(incident.path("failures").path("lastRunId").asText()).isEqualTo("run-2");
        assertThat(Instant.parse(incident.path("failures").path("lastRunAt").asText()))
                .isEqualTo(FIRST_RUN.plus(Duration.ofDays(1)));
        assertThat(Instant.parse(incident.path("recoveredAt").asText())).isEqualTo(FIRST_RUN.plus(Duration.ofDays(2)));
        assertThat(incident.path("escalated").asBoolean()).isTrue();
        assertThat(incident.path("escalatedTo").asText()).isEqualTo(GlobalGroups.GOVERNANCE_REVIEWERS);
        assertThat(incident.path("escalatedAt").isTextual()).isTrue();

        JsonNode timeline = incident.path("timeline");
        assertThat(texts(timeline, "type")).containsExactly("raised", "quality-failure", "quality-recovery",
                "escalated");
        assertThat(texts(timeline, "actor")).containsExactly(PIPELINE.userId(), PIPELINE.userId(), PIPELINE.userId(),
                "system:acknowledgement-sla");
        assertThat(timeline.path(0).path("details").path("runId").asText()).isEqualTo("run-1");
        assertThat(timeline.path(1).path("details").path("runId").asText()).isEqualTo("run-2");
        assertThat(timeline.path(1).path("details").path("measured").asDouble()).isEqualTo(5.0);
        assertThat(timeline.path(2).path("details").path("runId").asText()).isEqualTo("run-3");
        assertThat(timeline.path(2).path("details").path("measured").asDouble()).isEqualTo(0.0);
        assertThat(timeline.path(3).path("details").path("escalatedTo").asText())
                .isEqualTo(GlobalGroups.GOVERNANCE_REVIEWERS);

        JsonNode listed = api.get("mia", "/api/incidents?contractId=" + contractId).json().path(0);
        assertThat(listed.path("id").asText()).isEqualTo(incidentId);
        assertThat(listed.path("escalated").asBoolean()).isTrue();
        assertThat(listed.path("rule").asText()).isEqualTo("order_total_not_negative");
    }

    @Test
    void eachFilterNarrowsTheListAndAnUnknownValueIsRefused() {
        String shippingContract = publishShippingContract();
        String sev1 = raise(IncidentSeverity.SEV1, OLIVIA);
        String resolved = raise(IncidentSeverity.SEV4, MIKE);
        commands.sendAndWait(new AcknowledgeIncidentCommand(resolved, null, "mike", null, OLIVIA));
        commands.sendAndWait(new ResolveIncidentCommand(resolved, ResolutionReason.FALSE_POSITIVE,
                "the load was late, not lost", MIKE));
        String shipping = raise(shippingContract, IncidentSeverity.SEV2, Actor.of("sam", ShippingDomain.OWNERS));
        awaitIncident(resolved, "RESOLVED", 3);
        awaitIncident(shipping, "OPEN", 1);

        assertThat(ids("?contractId=" + contractId)).as("newest first").containsExactly(resolved, sev1);
        assertThat(ids("?contractId=" + contractId + "&status=OPEN")).containsExactly(sev1);
        assertThat(ids("?contractId=" + contractId + "&status=resolved")).containsExactly(resolved);
        assertThat(ids("?contractId=" + contractId + "&status=CLOSED")).isEmpty();
        assertThat(ids("?contractId=" + contractId + "&severity=sev1")).containsExactly(sev1);
        assertThat(ids("?contractId=" + contractId + "&severity=SEV2")).isEmpty();
        assertThat(ids("?domain=orders")).contains(resolved, sev1).doesNotContain(shipping);
        assertThat(ids("?domain=shipping")).contains(shipping).doesNotContain(resolved, sev1);
        assertThat(api.get("mia", "/api/incidents?domain=shipping").json().findValuesAsText("domain"))
                .containsOnly(ShippingDomain.ID);
        assertThat(ids("?status=OPEN&severity=SEV2&domain=shipping")).contains(shipping);
        assertThat(ids("?status=OPEN")).contains(sev1, shipping).doesNotContain(resolved);

        JsonNode listed = api.get("greta", "/api/incidents?contractId=" + contractId).json().path(0);
        assertThat(listed.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(listed.path("severity").asText()).isEqualTo("SEV4");
        assertThat(listed.path("assignee").asText()).isEqualTo("mike");
        assertThat(listed.path("raisedBy").asText()).isEqualTo("mike");
        assertThat(listed.path("acknowledgedAt").isTextual()).isTrue();
        assertThat(listed.path("resolvedAt").isTextual()).isTrue();
        assertThat(listed.path("closedAt").isNull()).isTrue();
        assertThat(listed.path("version").asText()).isEqualTo("1.0.0");
        assertThat(listed.path("kind").asText()).isEqualTo("FRESHNESS");
        assertThat(listed.path("consumers").isArray()).isTrue();

        for (String wrong : List.of("status=bogus", "severity=SEV9")) {
            Api.Reply refused = api.get("mia", "/api/incidents?" + wrong);
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText()).contains(wrong.substring(0, wrong.indexOf('=')));
            assertThat(refused.json().path("violations").size()).isPositive();
        }
    }

    @Test
    void anUnknownIncidentIsNotFoundAndNobodyAnonymousReads() {
        Api.Reply unknown = api.get("mia", "/api/incidents/no-such-incident");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.get(null, "/api/incidents").status()).isEqualTo(401);
    }

    @Test
    void eventsHandledAgainChangeNothing() {
        String incidentId = qualityIncident();
        JsonNode before = awaitIncident(incidentId, "OPEN", 4);
        long raised = jdbc.queryForObject(
                "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                Long.class, Incident.aggregateId(incidentId));
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        StreamingEventProcessor processor = processing.eventProcessor(IncidentProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();

        // what a node sees that crashed after handling these events but before storing its token
        processor.shutDown();
        transaction.executeWithoutResult(status -> tokens.storeToken(
                GapAwareTrackingToken.newInstance(raised - 1, Set.of()), IncidentProjection.PROCESSING_GROUP, 0));
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().values().stream()
                .anyMatch(segment -> segment.getCurrentPosition().orElse(0) >= head));
        assertThat(api.get("mia", "/api/incidents/" + incidentId).json()).isEqualTo(before);
    }

    @Test
    void rebuildingTheProjectionFromTheLogGivesTheSameAnswers() {
        String incidentId = raise(IncidentSeverity.SEV3, MIKE);
        commands.sendAndWait(new AcknowledgeIncidentCommand(incidentId, IncidentSeverity.SEV4, "mike", "minor",
                OLIVIA));
        commands.sendAndWait(new ResolveIncidentCommand(incidentId, ResolutionReason.UPSTREAM, "fixed upstream",
                MIKE));
        commands.sendAndWait(new CloseIncidentCommand(incidentId, MIKE));
        JsonNode detail = awaitIncident(incidentId, "CLOSED", 4);
        JsonNode list = api.get("mia", "/api/incidents?contractId=" + contractId).json();
        // a row no event backs: a rebuild from the log alone must drop it
        String stray = "stray-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO incident (incident_id, contract_id, version, domain, kind, severity, title, description,
                    status, consumers, raised_by, raised_at, acknowledge_by)
                VALUES (?, ?, '1.0.0', 'orders', 'OTHER', 'SEV4', 'stray', 'stray', 'OPEN', '[]', 'nobody', now(),
                    now())""", stray, contractId);

        assertThat(api.post("admin", "/api/admin/projections/incident-catalog/rebuild", "application/json", "")
                .status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("mia", "/api/incidents/" + incidentId).json(),
                detail::equals);
        assertThat(api.get("mia", "/api/incidents?contractId=" + contractId).json()).isEqualTo(list);
        assertThat(api.get("mia", "/api/incidents/" + stray).status()).isEqualTo(404);
    }

    /** A shipping contract proposed by Sid and approved by Sam, so that incidents exist in a second domain. */
    String publishShippingContract() {
        ShippingDomain.ensure(identity, api);
        String shippingContract = "incident-shipping-" + UUID.randomUUID();
        commands.sendAndWait(new ProposeContractVersionCommand(shippingContract, new ContractDocumentParser().parse(
                ShippingDomain.contract("orders-v1.0.0.yaml", shippingContract).getBytes(StandardCharsets.UTF_8),
                DocumentFormat.YAML), "http://localhost/doc", Actor.of("sid", ShippingDomain.MEMBERS)));
        Task review = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(shippingContract + ":1.0.0").singleResult(), task -> task != null);
        identity.setAuthentication("sam", List.of(ShippingDomain.OWNERS));
        try {
            tasks.complete(review.getId(), Map.of("decision", "approve", "comment", "ok"));
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT status FROM catalog_contract_version WHERE contract_id = ? AND status = 'PUBLISHED'",
                String.class, shippingContract).size() == 1);
        return shippingContract;
    }
}
