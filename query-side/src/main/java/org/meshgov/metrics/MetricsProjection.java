package org.meshgov.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.meshgov.access.AccessDeniedEvent;
import org.meshgov.access.AccessEndedEvent;
import org.meshgov.access.AccessExpiredEvent;
import org.meshgov.access.AccessGrantedEvent;
import org.meshgov.access.AccessRequestEscalatedEvent;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.access.AccessRevokedEvent;
import org.meshgov.contract.ContractProposalWithdrawnEvent;
import org.meshgov.contract.ContractReviewDecidedEvent;
import org.meshgov.contract.ContractReviewEscalatedEvent;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.contract.ContractVersionPublishedEvent;
import org.meshgov.contract.ContractVersionRejectedEvent;
import org.meshgov.contract.ReviewDecision;
import org.meshgov.contract.ReviewStage;
import org.meshgov.deprecation.ConsumerMigratedEvent;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.ContractVersionRetiredEvent;
import org.meshgov.deprecation.DeprecationAcknowledgedEvent;
import org.meshgov.deprecation.DeprecationCancelledEvent;
import org.meshgov.deprecation.DeprecationConsumerAddedEvent;
import org.meshgov.deprecation.DeprecationSunsetExtendedEvent;
import org.meshgov.domain.DomainRegisteredEvent;
import org.meshgov.incident.IncidentAcknowledgedEvent;
import org.meshgov.incident.IncidentClosedEvent;
import org.meshgov.incident.IncidentEscalatedEvent;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.incident.IncidentResolvedEvent;
import org.meshgov.quality.QualityResultsRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts behind the health metrics: when each review, incident, deprecation and access request
 * started and ended, per domain. Durations are also handed to {@link HealthMeters} as they happen.
 */
@Component
@ProcessingGroup(MetricsProjection.PROCESSING_GROUP)
public class MetricsProjection {

    public static final String PROCESSING_GROUP = "metrics";

    /** The wait between a request for changes and the proposer's next revision. */
    public static final String CHANGES_REQUESTED = "CHANGES_REQUESTED";

    private final JdbcTemplate jdbc;
    private final HealthMeters meters;

    public MetricsProjection(JdbcTemplate jdbc, HealthMeters meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @EventHandler
    void on(DomainRegisteredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("INSERT INTO metric_domain (domain_id, registered_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.domainId(), Timestamp.from(at));
    }

    @EventHandler
    void on(ContractVersionProposedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        boolean needsGovernance = event.reviewPlan().requiresGovernanceReview();
        jdbc.update("""
                INSERT INTO metric_contract_version (contract_id, version, domain, proposed_at, needs_governance)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, version) DO UPDATE SET needs_governance = excluded.needs_governance""",
                event.contractId(), event.version(), event.domain(), Timestamp.from(at), needsGovernance);
        if (event.revision() > 1) {
            endStage(event.contractId(), event.version(), event.revision() - 1, CHANGES_REQUESTED, at, "revised",
                    null, replay);
        }
        if (!event.reviewPlan().automatic()) {
            startStage(event.contractId(), event.version(), event.revision(), ReviewStage.OWNER.name(),
                    event.domain(), at);
        }
    }

    @EventHandler
    void on(ContractReviewDecidedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        String domain = endStage(event.contractId(), event.version(), event.revision(), event.stage().name(), at,
                event.decision().wireName(), event.decidedBy(), replay);
        if (domain == null) {
            return;
        }
        observe(replay, () -> meters.reviewDecided(domain, event.decision().wireName()));
        if (event.decision() == ReviewDecision.REQUEST_CHANGES) {
            startStage(event.contractId(), event.version(), event.revision(), CHANGES_REQUESTED, domain, at);
        } else if (event.decision() == ReviewDecision.APPROVE && event.stage() == ReviewStage.OWNER
                && needsGovernance(event.contractId(), event.version())) {
            startStage(event.contractId(), event.version(), event.revision(), ReviewStage.GOVERNANCE.name(), domain,
                    at);
        }
    }

    @EventHandler
    void on(ContractReviewEscalatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        jdbc.query("""
                UPDATE metric_review_stage SET escalated_at = ?
                WHERE contract_id = ? AND version = ? AND revision = ? AND stage = ? AND escalated_at IS NULL
                RETURNING domain""", (row, i) -> row.getString("domain"), Timestamp.from(at), event.contractId(),
                event.version(), event.revision(), event.stage().name())
                .forEach(domain -> observe(replay, () -> meters.escalated(domain, "review")));
    }

    @EventHandler
    void on(ContractVersionPublishedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        jdbc.query("""
                UPDATE metric_contract_version SET published_at = ?
                WHERE contract_id = ? AND version = ? AND published_at IS NULL
                RETURNING domain, proposed_at""", (row, i) -> new Started(row, "proposed_at"),
                Timestamp.from(at), event.contractId(), event.version())
                .forEach(started -> observe(replay, () -> meters.published(started.domain(), started.until(at))));
    }

    @EventHandler
    void on(ContractVersionRejectedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        closeVersion(event.contractId(), event.version(), at);
    }

    @EventHandler
    void on(ContractProposalWithdrawnEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        closeVersion(event.contractId(), event.version(), at);
        jdbc.query("""
                UPDATE metric_review_stage SET ended_at = ?, outcome = 'withdrawn'
                WHERE contract_id = ? AND version = ? AND ended_at IS NULL
                RETURNING domain, stage, started_at""", (row, i) -> new EndedStage(row), Timestamp.from(at),
                event.contractId(), event.version())
                .forEach(ended -> observe(replay, () -> meters.reviewStageEnded(ended.domain(), ended.stage(),
                        Duration.between(ended.startedAt(), at))));
    }

    @EventHandler
    void on(ContractVersionRetiredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                UPDATE metric_contract_version SET retired_at = ?
                WHERE contract_id = ? AND version = ? AND retired_at IS NULL""",
                Timestamp.from(at), event.contractId(), event.version());
        closeDeprecation(event.deprecationId(), at);
    }

    @EventHandler
    void on(QualityResultsRecordedEvent event) {
        event.results().forEach(result -> jdbc.update("""
                INSERT INTO metric_quality_result (contract_id, version, domain, run_id, run_at, rule, severity,
                    passed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, run_id, rule) DO NOTHING""",
                event.contractId(), event.version(), event.domain(), event.runId(), Timestamp.from(event.runAt()),
                result.rule(), result.severity(), result.passed()));
    }

    @EventHandler
    void on(IncidentRaisedEvent event, @org.axonframework.eventhandling.Timestamp Instant at, ReplayStatus replay) {
        int inserted = jdbc.update("""
                INSERT INTO metric_incident (incident_id, contract_id, version, domain, kind, severity, title,
                    raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO NOTHING""",
                event.incidentId(), event.contractId(), event.version(), event.domain(), event.kind().name(),
                event.severity().name(), event.title(), Timestamp.from(at));
        if (inserted == 1) {
            observe(replay, () -> meters.incidentRaised(event.domain(), event.severity().name(),
                    event.kind().name()));
        }
    }

    @EventHandler
    void on(IncidentAcknowledgedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        jdbc.query("""
                UPDATE metric_incident SET acknowledged_at = ?, severity = ?
                WHERE incident_id = ? AND acknowledged_at IS NULL
                RETURNING domain, raised_at""", (row, i) -> new Started(row, "raised_at"),
                Timestamp.from(at), event.severity().name(), event.incidentId())
                .forEach(raised -> observe(replay, () -> meters.incidentAcknowledged(raised.domain(),
                        event.severity().name(), raised.until(at))));
    }

    @EventHandler
    void on(IncidentEscalatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        jdbc.query("""
                UPDATE metric_incident SET escalated_at = ? WHERE incident_id = ? AND escalated_at IS NULL
                RETURNING domain""", (row, i) -> row.getString("domain"), Timestamp.from(at), event.incidentId())
                .forEach(domain -> observe(replay, () -> meters.escalated(domain, "incident")));
    }

    @EventHandler
    void on(IncidentResolvedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        jdbc.query("""
                UPDATE metric_incident SET resolved_at = ? WHERE incident_id = ? AND resolved_at IS NULL
                RETURNING domain, raised_at, severity""", (row, i) -> new Raised(new Started(row, "raised_at"),
                row.getString("severity")), Timestamp.from(at), event.incidentId())
                .forEach(raised -> observe(replay, () -> meters.incidentResolved(raised.started().domain(),
                        raised.severity(), raised.started().until(at))));
    }

    @EventHandler
    void on(IncidentClosedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE metric_incident SET closed_at = ? WHERE incident_id = ? AND closed_at IS NULL",
                Timestamp.from(at), event.incidentId());
    }

    @EventHandler
    void on(ContractVersionDeprecatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO metric_deprecation (deprecation_id, contract_id, version, domain, deprecated_at, sunset)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (deprecation_id) DO NOTHING""",
                event.deprecationId(), event.contractId(), event.version(), event.domain(), Timestamp.from(at),
                Timestamp.from(event.sunset()));
        event.consumers().forEach(consumer -> addDeprecationConsumer(event.deprecationId(), consumer.domain(), at));
    }

    @EventHandler
    void on(DeprecationConsumerAddedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        addDeprecationConsumer(event.deprecationId(), event.consumer().domain(), at);
    }

    @EventHandler
    void on(DeprecationAcknowledgedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                UPDATE metric_deprecation_consumer SET acknowledged_at = ?
                WHERE deprecation_id = ? AND consumer_domain = ? AND acknowledged_at IS NULL""",
                Timestamp.from(at), event.deprecationId(), event.consumerDomain());
    }

    @EventHandler
    void on(ConsumerMigratedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                UPDATE metric_deprecation_consumer SET migrated_at = ?
                WHERE deprecation_id = ? AND consumer_domain = ? AND migrated_at IS NULL""",
                Timestamp.from(at), event.deprecationId(), event.consumerDomain());
    }

    @EventHandler
    void on(DeprecationSunsetExtendedEvent event) {
        jdbc.update("UPDATE metric_deprecation SET sunset = ? WHERE deprecation_id = ?",
                Timestamp.from(event.newSunset()), event.deprecationId());
    }

    @EventHandler
    void on(DeprecationCancelledEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        closeDeprecation(event.deprecationId(), at);
    }

    @EventHandler
    void on(AccessRequestedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO metric_access_request (request_id, contract_id, owning_domain, consumer_domain,
                    requested_at, until)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (request_id) DO NOTHING""",
                event.requestId(), event.contractId(), event.owningDomain(), event.consumerDomain(),
                Timestamp.from(at), Timestamp.from(event.until()));
    }

    @EventHandler
    void on(AccessGrantedEvent event, @org.axonframework.eventhandling.Timestamp Instant at, ReplayStatus replay) {
        boolean automatic = event.automaticReason() != null;
        jdbc.query("""
                UPDATE metric_access_request SET decided_at = ?, outcome = 'GRANTED', automatic = ?, until = ?
                WHERE request_id = ? AND decided_at IS NULL
                RETURNING owning_domain AS domain, requested_at""", (row, i) -> new Started(row, "requested_at"),
                Timestamp.from(at), automatic, Timestamp.from(event.until()), event.grantId())
                .stream().filter(requested -> !automatic)
                .forEach(requested -> observe(replay, () -> meters.accessDecided(requested.domain(),
                        requested.until(at))));
    }

    @EventHandler
    void on(AccessDeniedEvent event, @org.axonframework.eventhandling.Timestamp Instant at, ReplayStatus replay) {
        jdbc.query("""
                UPDATE metric_access_request SET decided_at = ?, outcome = 'DENIED'
                WHERE request_id = ? AND decided_at IS NULL
                RETURNING owning_domain AS domain, requested_at""", (row, i) -> new Started(row, "requested_at"),
                Timestamp.from(at), event.requestId())
                .forEach(requested -> observe(replay, () -> meters.accessDecided(requested.domain(),
                        requested.until(at))));
    }

    @EventHandler
    void on(AccessRequestEscalatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            ReplayStatus replay) {
        jdbc.query("""
                UPDATE metric_access_request SET escalated_at = ? WHERE request_id = ? AND escalated_at IS NULL
                RETURNING owning_domain""", (row, i) -> row.getString("owning_domain"), Timestamp.from(at),
                event.requestId())
                .forEach(domain -> observe(replay, () -> meters.escalated(domain, "access")));
    }

    @EventHandler
    void on(AccessExpiredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        endGrant(event.grantId(), at);
    }

    @EventHandler
    void on(AccessRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        endGrant(event.grantId(), at);
    }

    @EventHandler
    void on(AccessEndedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        endGrant(event.grantId(), at);
    }

    @ResetHandler
    void reset() {
        List.of("metric_domain", "metric_contract_version", "metric_review_stage", "metric_quality_result",
                "metric_incident", "metric_deprecation", "metric_deprecation_consumer", "metric_access_request")
                .forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    private void startStage(String contractId, String version, int revision, String stage, String domain,
                            Instant at) {
        jdbc.update("""
                INSERT INTO metric_review_stage (contract_id, version, revision, stage, domain, started_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", contractId, version, revision, stage, domain, Timestamp.from(at));
    }

    /** The stage's domain, or null when there was no open wait to end. */
    private String endStage(String contractId, String version, int revision, String stage, Instant at,
                            String outcome, String decidedBy, ReplayStatus replay) {
        List<EndedStage> ended = jdbc.query("""
                UPDATE metric_review_stage SET ended_at = ?, outcome = ?, decided_by = ?
                WHERE contract_id = ? AND version = ? AND revision = ? AND stage = ? AND ended_at IS NULL
                RETURNING domain, stage, started_at""", (row, i) -> new EndedStage(row), Timestamp.from(at),
                outcome, decidedBy, contractId, version, revision, stage);
        ended.forEach(wait -> observe(replay, () -> meters.reviewStageEnded(wait.domain(), wait.stage(),
                Duration.between(wait.startedAt(), at))));
        return ended.isEmpty() ? null : ended.get(0).domain();
    }

    private boolean needsGovernance(String contractId, String version) {
        return jdbc.queryForList("""
                SELECT needs_governance FROM metric_contract_version WHERE contract_id = ? AND version = ?""",
                Boolean.class, contractId, version).stream().anyMatch(Boolean.TRUE::equals);
    }

    private void closeVersion(String contractId, String version, Instant at) {
        jdbc.update("""
                UPDATE metric_contract_version SET closed_at = ?
                WHERE contract_id = ? AND version = ? AND closed_at IS NULL""",
                Timestamp.from(at), contractId, version);
    }

    private void addDeprecationConsumer(String deprecationId, String consumerDomain, Instant at) {
        jdbc.update("""
                INSERT INTO metric_deprecation_consumer (deprecation_id, consumer_domain, notified_at)
                VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", deprecationId, consumerDomain, Timestamp.from(at));
    }

    private void closeDeprecation(String deprecationId, Instant at) {
        jdbc.update("UPDATE metric_deprecation SET closed_at = ? WHERE deprecation_id = ? AND closed_at IS NULL",
                Timestamp.from(at), deprecationId);
    }

    private void endGrant(String grantId, Instant at) {
        jdbc.update("UPDATE metric_access_request SET ended_at = ? WHERE request_id = ? AND ended_at IS NULL",
                Timestamp.from(at), grantId);
    }

    /**
     * Meters see an event once: after its transaction committed (a batch that rolls back is
     * handled again), and not while a rebuild replays the log.
     */
    private static void observe(ReplayStatus replay, Runnable observation) {
        if (replay.isReplay()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> observation.run());
        } else {
            observation.run();
        }
    }

    private record Started(String domain, Instant at) {
        Started(ResultSet row, String column) throws SQLException {
            this(row.getString("domain"), row.getTimestamp(column).toInstant());
        }

        Duration until(Instant end) {
            return Duration.between(at, end);
        }
    }

    private record Raised(Started started, String severity) {
    }

    private record EndedStage(String domain, String stage, Instant startedAt) {
        EndedStage(ResultSet row) throws SQLException {
            this(row.getString("domain"), row.getString("stage"), row.getTimestamp("started_at").toInstant());
        }
    }
}
