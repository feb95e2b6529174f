package org.meshgov.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.identity.Actor;
import org.meshgov.incident.AcknowledgeIncidentCommand;
import org.meshgov.incident.ResolutionReason;
import org.meshgov.incident.ResolveIncidentCommand;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Failed blocking rules open incidents by themselves: one per contract and rule while it is open. */
@MeshgovSpringTest
class QualityIncidentsTest {

    static final String BLOCKING_RULE = "order_total_not_negative";
    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");

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
        contractId = "quality-incidents-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
    }

    void report(String runId, boolean passed) {
        Api.Reply reply = api.post("mike", "/api/quality-results", "application/json", """
                {"contractId":"%s","version":"1.0.0","runId":"%s","runAt":"2026-11-27T06:00:00Z",
                 "results":[{"rule":"%s","passed":%s,"measured":%s}]}"""
                .formatted(contractId, runId, BLOCKING_RULE, passed, passed ? 0 : 3));
        assertThat(reply.status()).isEqualTo(202);
    }

    List<String> incidentEvents(String type) {
        return jdbc.queryForList("""
                SELECT e.aggregateidentifier FROM domainevententry e
                WHERE e.payloadtype = ? AND convert_from(e.payload, 'UTF8')::jsonb ->> 'contractId' = ?
                ORDER BY e.globalindex""", String.class, "org.meshgov.incident." + type, contractId);
    }

    List<String> awaitIncidentEvents(String type, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> incidentEvents(type), ids -> ids.size() == count);
    }

    String incidentId(String aggregateId) {
        return aggregateId.substring("incident:".length());
    }

    @Test
    void aFailedBlockingRuleOpensAnIncidentAndLaterFailuresAttachToIt() {
        report("run-1", false);
        String incident = awaitIncidentEvents("IncidentRaisedEvent", 1).get(0);

        report("run-2", false);
        report("run-3", true);

        assertThat(awaitIncidentEvents("QualityFailureAttachedEvent", 1)).containsExactly(incident);
        assertThat(awaitIncidentEvents("QualityRecoveryRecordedEvent", 1)).containsExactly(incident);
        assertThat(incidentEvents("IncidentRaisedEvent")).hasSize(1);
    }

    @Test
    void aPassingRunWithoutAnOpenIncidentOpensNothing() {
        report("run-1", true);
        report("run-2", false);

        awaitIncidentEvents("IncidentRaisedEvent", 1);
        assertThat(incidentEvents("QualityRecoveryRecordedEvent")).isEmpty();
    }

    @Test
    void aFailureAfterTheIncidentWasResolvedOpensANewOne() {
        report("run-1", false);
        String first = incidentId(awaitIncidentEvents("IncidentRaisedEvent", 1).get(0));
        commands.sendAndWait(new AcknowledgeIncidentCommand(first, null, "mike", null, OLIVIA));
        commands.sendAndWait(new ResolveIncidentCommand(first, ResolutionReason.FIXED_AT_SOURCE,
                "negative totals came from a refund bug, fixed", OLIVIA));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT 1 FROM quality_incident_watch WHERE incident_id = ?", first).isEmpty());

        report("run-2", false);

        List<String> raised = awaitIncidentEvents("IncidentRaisedEvent", 2);
        assertThat(raised.get(1)).isNotEqualTo("incident:" + first);
        assertThat(incidentEvents("QualityFailureAttachedEvent")).isEmpty();
    }
}
