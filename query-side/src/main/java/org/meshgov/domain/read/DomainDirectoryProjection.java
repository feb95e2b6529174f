package org.meshgov.domain.read;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.domain.DomainRegisteredEvent;
import org.meshgov.domain.DomainStageChangeRejectedEvent;
import org.meshgov.domain.DomainStageChangeRequestedEvent;
import org.meshgov.domain.DomainStageChangedEvent;
import org.meshgov.domain.OnboardingStage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registered domains, their onboarding stage and every request to change it. Runs in the same
 * transaction as the domain's events, because the command side checks proposals against it and
 * applies policy rules by the stage it reads here.
 */
@Component
@ProcessingGroup(DomainDirectoryProjection.PROCESSING_GROUP)
public class DomainDirectoryProjection {

    public static final String PROCESSING_GROUP = "domain-directory";

    private final JdbcTemplate jdbc;

    public DomainDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DomainRegisteredEvent event, @org.axonframework.eventhandling.Timestamp Instant registeredAt) {
        jdbc.update("""
                INSERT INTO domain_directory (domain_id, name, description, owner_group, member_group,
                                              registered_by, registered_at, stage, stage_since)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (domain_id) DO NOTHING""",
                event.domainId(), event.name(), event.description(), event.ownerGroup(), event.memberGroup(),
                event.registeredBy(), Timestamp.from(registeredAt), OnboardingStage.PILOT.name(),
                Timestamp.from(registeredAt));
    }

    @EventHandler
    void on(DomainStageChangeRequestedEvent event, @org.axonframework.eventhandling.Timestamp Instant requestedAt) {
        jdbc.update("""
                INSERT INTO domain_stage_change (request_id, domain_id, from_stage, to_stage, reason, requested_by,
                                                 requested_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')
                ON CONFLICT (request_id) DO NOTHING""",
                event.requestId(), event.domainId(), event.from().name(), event.to().name(), event.reason(),
                event.requestedBy(), Timestamp.from(requestedAt));
    }

    @EventHandler
    void on(DomainStageChangedEvent event, @org.axonframework.eventhandling.Timestamp Instant changedAt) {
        decided(event.requestId(), "APPROVED", event.approvedBy(), changedAt, event.comment());
        jdbc.update("UPDATE domain_directory SET stage = ?, stage_since = ? WHERE domain_id = ?",
                event.to().name(), Timestamp.from(changedAt), event.domainId());
    }

    @EventHandler
    void on(DomainStageChangeRejectedEvent event, @org.axonframework.eventhandling.Timestamp Instant rejectedAt) {
        decided(event.requestId(), "REJECTED", event.rejectedBy(), rejectedAt, event.comment());
    }

    private void decided(String requestId, String status, String by, Instant at, String comment) {
        jdbc.update("""
                UPDATE domain_stage_change SET status = ?, decided_by = ?, decided_at = ?, comment = ?
                WHERE request_id = ?""", status, by, Timestamp.from(at), comment, requestId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM domain_stage_change");
        jdbc.update("DELETE FROM domain_directory");
    }
}
