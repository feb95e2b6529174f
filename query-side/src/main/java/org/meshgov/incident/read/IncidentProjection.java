package org.meshgov.incident.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.incident.IncidentAcknowledgedEvent;
import org.meshgov.incident.IncidentClosedEvent;
import org.meshgov.incident.IncidentEscalatedEvent;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.incident.IncidentResolvedEvent;
import org.meshgov.incident.IncidentStatus;
import org.meshgov.incident.PostmortemRecordedEvent;
import org.meshgov.incident.QualityFailureAttachedEvent;
import org.meshgov.incident.QualityRecoveryRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Incidents with their state and a timeline of every event on them, rebuilt from the event log
 * alone. Each handler first records its event in the timeline under the event's id and changes the
 * incident only if that row is new, so a redelivered event (a failure counted twice) changes nothing.
 */
@Component
@ProcessingGroup(IncidentProjection.PROCESSING_GROUP)
public class IncidentProjection {

    public static final String PROCESSING_GROUP = "incident-catalog";

    /** Who caused the event: the command dispatcher stamps every command's actor into this metadata key. */
    static final String ACTOR = "actor";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public IncidentProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(IncidentRaisedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", event.version());
        details.put("kind", event.kind().name());
        details.put("severity", event.severity().name());
        details.put("title", event.title());
        details.put("rule", event.rule());
        details.put("runId", event.runId());
        details.put("consumers", event.consumers());
        details.put("acknowledgeBy", event.acknowledgeBy());
        details.put("raisedBy", event.raisedBy());
        if (!recorded(event.incidentId(), "raised", details, message)) {
            return;
        }
        boolean openedByRun = event.runId() != null;
        jdbc.update("""
                INSERT INTO incident (incident_id, contract_id, version, domain, kind, severity, title, description,
                    status, rule, consumers, raised_by, raised_at, acknowledge_by, failures, last_failure_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO NOTHING""",
                event.incidentId(), event.contractId(), event.version(), event.domain(), event.kind().name(),
                event.severity().name(), event.title(), event.description(), IncidentStatus.OPEN.name(),
                event.rule(), write(event.consumers()), event.raisedBy(), at(message),
                Timestamp.from(event.acknowledgeBy()), openedByRun ? 1 : 0, event.runId());
    }

    @EventHandler
    void on(QualityFailureAttachedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", event.version());
        details.put("runId", event.runId());
        details.put("runAt", event.runAt());
        details.put("measured", event.measured());
        details.put("details", event.details());
        if (!recorded(event.incidentId(), "quality-failure", details, message)) {
            return;
        }
        // failing again means it has not recovered after all
        jdbc.update("""
                UPDATE incident SET failures = failures + 1, last_failure_run_id = ?, last_failure_run_at = ?,
                    recovered_at = NULL
                WHERE incident_id = ?""", event.runId(), timestamp(event.runAt()), event.incidentId());
    }

    @EventHandler
    void on(QualityRecoveryRecordedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", event.version());
        details.put("runId", event.runId());
        details.put("runAt", event.runAt());
        details.put("measured", event.measured());
        if (!recorded(event.incidentId(), "quality-recovery", details, message)) {
            return;
        }
        jdbc.update("UPDATE incident SET recovered_at = ? WHERE incident_id = ?", timestamp(event.runAt()),
                event.incidentId());
    }

    @EventHandler
    void on(IncidentAcknowledgedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("severity", event.severity().name());
        details.put("previousSeverity", event.previousSeverity().name());
        details.put("assignee", event.assignee());
        details.put("comment", event.comment());
        if (!recorded(event.incidentId(), "acknowledged", details, message)) {
            return;
        }
        jdbc.update("""
                UPDATE incident SET severity = ?, assignee = ?, acknowledged_by = ?, acknowledged_at = ?
                WHERE incident_id = ?""", event.severity().name(), event.assignee(), event.acknowledgedBy(),
                at(message), event.incidentId());
    }

    @EventHandler
    void on(IncidentEscalatedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("severity", event.severity().name());
        details.put("acknowledgeBy", event.acknowledgeBy());
        details.put("escalatedTo", event.escalatedTo());
        if (!recorded(event.incidentId(), "escalated", details, message)) {
            return;
        }
        jdbc.update("UPDATE incident SET escalated_at = ?, escalated_to = ? WHERE incident_id = ?", at(message),
                event.escalatedTo(), event.incidentId());
    }

    @EventHandler
    void on(IncidentResolvedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.reason().wireName());
        details.put("comment", event.comment());
        details.put("postmortemRequired", event.postmortemRequired());
        details.put("consumers", event.consumers());
        if (!recorded(event.incidentId(), "resolved", details, message)) {
            return;
        }
        jdbc.update("""
                UPDATE incident SET status = ?, resolved_at = ?, resolved_by = ?, resolution = ?,
                    resolution_comment = ?, postmortem_required = ?
                WHERE incident_id = ?""", IncidentStatus.RESOLVED.name(), at(message), event.resolvedBy(),
                event.reason().wireName(), event.comment(), event.postmortemRequired(), event.incidentId());
    }

    @EventHandler
    void on(PostmortemRecordedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("postmortem", event.postmortem());
        if (!recorded(event.incidentId(), "postmortem", details, message)) {
            return;
        }
        jdbc.update("UPDATE incident SET postmortem = ?, postmortem_by = ?, postmortem_at = ? WHERE incident_id = ?",
                event.postmortem(), event.recordedBy(), at(message), event.incidentId());
    }

    @EventHandler
    void on(IncidentClosedEvent event, DomainEventMessage<?> message) {
        if (!recorded(event.incidentId(), "closed", Map.of(), message)) {
            return;
        }
        jdbc.update("UPDATE incident SET status = ?, closed_at = ?, closed_by = ? WHERE incident_id = ?",
                IncidentStatus.CLOSED.name(), at(message), event.closedBy(), event.incidentId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM incident_timeline");
        jdbc.update("DELETE FROM incident");
    }

    /** Whether the event is new to the timeline; false when it was handled before. */
    private boolean recorded(String incidentId, String type, Map<String, Object> details,
                             DomainEventMessage<?> message) {
        Object actor = message.getMetaData().get(ACTOR);
        return jdbc.update("""
                INSERT INTO incident_timeline (event_id, incident_id, sequence, type, actor, occurred_at, details)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), incidentId, message.getSequenceNumber(), type,
                actor == null ? null : actor.toString(), at(message), write(details)) == 1;
    }

    private static Timestamp at(DomainEventMessage<?> message) {
        return Timestamp.from(message.getTimestamp());
    }

    // A run time the command side does not require must not stop the whole projection when missing.
    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write incident JSON", e);
        }
    }
}
