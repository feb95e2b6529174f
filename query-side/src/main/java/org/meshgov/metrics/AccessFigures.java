package org.meshgov.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access to the scope's contracts (the domain as owner): requests waiting at the end of the window,
 * grants in force then and ending within 30 days, and how long people took to decide. Grants
 * that needed nobody's approval are not decisions and do not count towards the time to decision.
 */
public class AccessFigures {

    private static final Duration EXPIRY_HORIZON = Duration.ofDays(30);
    private static final int LISTED = 50;

    public record OpenRequest(String requestId, String contractId, String owningDomain, String consumerDomain,
                       Instant requestedAt, boolean escalated, double ageSeconds) {
    }

    public record ExpiringGrant(String grantId, String contractId, String owningDomain, String consumerDomain,
                         Instant until) {
    }

    public record Access(int openRequests, DurationSummary openRequestAge, List<OpenRequest> oldestOpenRequests,
                  int activeGrants, int grantsExpiringWithin30Days, List<ExpiringGrant> expiringGrants,
                  DurationSummary timeToDecision, int escalations) {
    }

    private final JdbcTemplate jdbc;

    AccessFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Access of(MetricsScope scope) {
        List<OpenRequest> open = openAt(scope);
        List<ExpiringGrant> expiring = jdbc.query("""
                SELECT request_id, contract_id, owning_domain, consumer_domain, until FROM metric_access_request
                WHERE outcome = 'GRANTED' AND decided_at < ? AND (ended_at IS NULL OR ended_at >= ?)
                  AND until > ? AND until <= ? AND (?::text IS NULL OR owning_domain = ?)
                ORDER BY until, request_id""",
                (row, i) -> new ExpiringGrant(row.getString("request_id"), row.getString("contract_id"),
                        row.getString("owning_domain"), row.getString("consumer_domain"),
                        row.getTimestamp("until").toInstant()),
                scope.toTimestamp(), scope.toTimestamp(), scope.toTimestamp(),
                Timestamp.from(scope.to().plus(EXPIRY_HORIZON)), scope.domain(), scope.domain());
        return new Access(open.size(),
                DurationSummary.of(open.stream().map(r -> Duration.between(r.requestedAt(), scope.to())).toList()),
                open.stream().limit(LISTED).toList(), activeGrants(scope), expiring.size(),
                expiring.stream().limit(LISTED).toList(), timeToDecision(scope), escalations(scope));
    }

    /** Oldest first. */
    List<OpenRequest> openAt(MetricsScope scope) {
        return jdbc.query("""
                SELECT request_id, contract_id, owning_domain, consumer_domain, requested_at,
                       escalated_at IS NOT NULL AND escalated_at < ? AS escalated
                FROM metric_access_request
                WHERE requested_at < ? AND (decided_at IS NULL OR decided_at >= ?)
                  AND (?::text IS NULL OR owning_domain = ?)
                ORDER BY requested_at, request_id""",
                (row, i) -> {
                    Instant requestedAt = row.getTimestamp("requested_at").toInstant();
                    return new OpenRequest(row.getString("request_id"), row.getString("contract_id"),
                            row.getString("owning_domain"), row.getString("consumer_domain"), requestedAt,
                            row.getBoolean("escalated"), Duration.between(requestedAt, scope.to()).toMillis() / 1000.0);
                },
                scope.toTimestamp(), scope.toTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
    }

    int activeGrants(MetricsScope scope) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM metric_access_request
                WHERE outcome = 'GRANTED' AND decided_at < ? AND (ended_at IS NULL OR ended_at >= ?) AND until > ?
                  AND (?::text IS NULL OR owning_domain = ?)""", Integer.class,
                scope.toTimestamp(), scope.toTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
        return count == null ? 0 : count;
    }

    private DurationSummary timeToDecision(MetricsScope scope) {
        return DurationSummary.of(jdbc.query("""
                SELECT requested_at, decided_at FROM metric_access_request
                WHERE NOT automatic AND decided_at >= ? AND decided_at < ?
                  AND (?::text IS NULL OR owning_domain = ?)""",
                (row, i) -> Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()),
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain()));
    }

    private int escalations(MetricsScope scope) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM metric_access_request
                WHERE escalated_at >= ? AND escalated_at < ? AND (?::text IS NULL OR owning_domain = ?)""",
                Integer.class, scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
        return count == null ? 0 : count;
    }
}
