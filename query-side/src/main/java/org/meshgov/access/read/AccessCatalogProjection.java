package org.meshgov.access.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.access.AccessApprovedEvent;
import org.meshgov.access.AccessDecision;
import org.meshgov.access.AccessDeniedEvent;
import org.meshgov.access.AccessEndedEvent;
import org.meshgov.access.AccessExpiredEvent;
import org.meshgov.access.AccessGrantedEvent;
import org.meshgov.access.AccessRenewalDeclinedEvent;
import org.meshgov.access.AccessRequestEscalatedEvent;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.access.AccessRevokedEvent;
import org.meshgov.access.AccessStatus;
import org.meshgov.access.ApprovalRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Access requests and grants, with every decision and who made it, rebuilt from the event log alone. */
@Component
@ProcessingGroup(AccessCatalogProjection.PROCESSING_GROUP)
public class AccessCatalogProjection {

    public static final String PROCESSING_GROUP = "access-catalog";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AccessCatalogProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(AccessRequestedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO access_request (request_id, contract_id, major, contract_version, owning_domain,
                    consumer_domain, purpose, properties, sensitive_properties, until, status, approvals_needed,
                    requested_by, requested_at, renews_grant_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (request_id) DO NOTHING""",
                event.requestId(), event.contractId(), event.majorVersion(), event.contractVersion(),
                event.owningDomain(), event.consumerDomain(), event.purpose(), write(event.properties()),
                write(event.sensitiveProperties()), Timestamp.from(event.until()), AccessStatus.PENDING.name(),
                write(event.approvalsNeeded()), event.requestedBy(), Timestamp.from(at), event.renewsGrantId());
    }

    @EventHandler
    void on(AccessApprovedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        recordDecision(event.requestId(), event.role(), AccessDecision.APPROVE, event.comment(), event.approvedBy(),
                at);
    }

    @EventHandler
    void on(AccessDeniedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        recordDecision(event.requestId(), event.role(), AccessDecision.DENY, event.reason(), event.deniedBy(), at);
        end(event.requestId(), AccessStatus.DENIED, event.reason(), at);
    }

    @EventHandler
    void on(AccessGrantedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                UPDATE access_request SET status = 'GRANTED', granted_at = ?, approved_by = ?::jsonb,
                    automatic_reason = ?
                WHERE request_id = ?""",
                Timestamp.from(at), write(event.approvedBy()), event.automaticReason(), event.grantId());
    }

    @EventHandler
    void on(AccessRequestEscalatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE access_request SET escalated_at = ? WHERE request_id = ?", Timestamp.from(at),
                event.requestId());
    }

    @EventHandler
    void on(AccessRenewalDeclinedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE access_request SET renewal_declined_at = ? WHERE request_id = ?", Timestamp.from(at),
                event.grantId());
    }

    @EventHandler
    void on(AccessExpiredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        end(event.grantId(), AccessStatus.EXPIRED, "reached its end", at);
    }

    @EventHandler
    void on(AccessRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        end(event.grantId(), AccessStatus.REVOKED, event.reason() + " (revoked by " + event.revokedBy() + ")", at);
    }

    @EventHandler
    void on(AccessEndedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        end(event.grantId(), AccessStatus.ENDED, event.reason(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM access_request");
    }

    private void recordDecision(String requestId, ApprovalRole role, AccessDecision decision, String comment,
                                String by, Instant at) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("role", role.name());
        entry.put("decision", decision.wireName());
        entry.put("comment", comment);
        entry.put("decidedBy", by);
        entry.put("decidedAt", at.toString());
        jdbc.update("UPDATE access_request SET decisions = decisions || ?::jsonb WHERE request_id = ?",
                "[" + write(entry) + "]", requestId);
    }

    private void end(String requestId, AccessStatus status, String reason, Instant at) {
        jdbc.update("UPDATE access_request SET status = ?, end_reason = ?, ended_at = ? WHERE request_id = ?",
                status.name(), reason, Timestamp.from(at), requestId);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write access JSON", e);
        }
    }
}
