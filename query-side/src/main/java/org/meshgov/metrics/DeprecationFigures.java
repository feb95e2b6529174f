package org.meshgov.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deprecations open at the end of the window, and their consumers who have neither acknowledged nor
 * migrated yet, or not migrated yet. The sunset is the latest one set.
 */
public class DeprecationFigures {

    /** {@code daysToSunset}: from the end of the window, in whole days rounded towards zero; negative once passed. */
    public record OpenDeprecation(String deprecationId, String contractId, String version, String domain,
                           Instant deprecatedAt, Instant sunset, long daysToSunset, int consumers,
                           List<String> notAcknowledged, List<String> notMigrated) {
    }

    public record Deprecations(int open, int consumersNotAcknowledged, int consumersNotMigrated,
                        List<OpenDeprecation> openDeprecations) {
    }

    private record ConsumerState(String domain, boolean acknowledged, boolean migrated) {
    }

    private final JdbcTemplate jdbc;

    DeprecationFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Deprecated(String deprecationId, String contractId, String version, String domain,
                              Instant deprecatedAt, Instant sunset) {
    }

    /** Nearest sunset first. */
    Deprecations of(MetricsScope scope) {
        List<Deprecated> deprecated = jdbc.query("""
                SELECT deprecation_id, contract_id, version, domain, deprecated_at, sunset FROM metric_deprecation
                WHERE deprecated_at < ? AND (closed_at IS NULL OR closed_at >= ?) AND (?::text IS NULL OR domain = ?)
                ORDER BY sunset, contract_id, version""",
                (row, i) -> new Deprecated(row.getString("deprecation_id"), row.getString("contract_id"),
                        row.getString("version"), row.getString("domain"),
                        row.getTimestamp("deprecated_at").toInstant(), row.getTimestamp("sunset").toInstant()),
                scope.toTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
        List<OpenDeprecation> open = deprecated.stream().map(d -> {
            List<ConsumerState> consumers = consumersAt(d.deprecationId(), scope.to());
            return new OpenDeprecation(d.deprecationId(), d.contractId(), d.version(), d.domain(), d.deprecatedAt(),
                    d.sunset(), Duration.between(scope.to(), d.sunset()).toDays(), consumers.size(),
                    consumers.stream().filter(c -> !c.acknowledged() && !c.migrated()).map(ConsumerState::domain)
                            .toList(),
                    consumers.stream().filter(c -> !c.migrated()).map(ConsumerState::domain).toList());
        }).toList();
        return new Deprecations(open.size(), open.stream().mapToInt(d -> d.notAcknowledged().size()).sum(),
                open.stream().mapToInt(d -> d.notMigrated().size()).sum(), open);
    }

    private List<ConsumerState> consumersAt(String deprecationId, Instant at) {
        return jdbc.query("""
                SELECT consumer_domain,
                       acknowledged_at IS NOT NULL AND acknowledged_at < ? AS acknowledged,
                       migrated_at IS NOT NULL AND migrated_at < ? AS migrated
                FROM metric_deprecation_consumer
                WHERE deprecation_id = ? AND notified_at < ?
                ORDER BY consumer_domain""",
                (row, i) -> new ConsumerState(row.getString("consumer_domain"), row.getBoolean("acknowledged"),
                        row.getBoolean("migrated")),
                Timestamp.from(at), Timestamp.from(at), deprecationId, Timestamp.from(at));
    }
}
