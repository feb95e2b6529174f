package org.meshgov.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentSeverity;
import org.springframework.jdbc.core.JdbcTemplate;

/** How often contracts break and how fast their owners react, by severity (the latest one) and kind. */
public class IncidentFigures {

    /** Age buckets of open incidents, each from its bound (inclusive) to the next one. */
    private static final Map<String, Duration> AGE_BUCKETS = ageBuckets();
    private static final int OPEN_INCIDENTS_LISTED = 50;

    public record OpenIncident(String incidentId, String contractId, String version, String domain, String severity,
                        String kind, String title, Instant raisedAt, boolean acknowledged, double ageSeconds) {
    }

    public record WeeklyIncidents(String week, Map<String, Integer> bySeverity, Map<String, Integer> byKind) {
    }

    public record Incidents(int raised, Map<String, Integer> raisedBySeverity, Map<String, Integer> raisedByKind,
                     List<WeeklyIncidents> weekly, DurationSummary timeToAcknowledge,
                     DurationSummary timeToResolve, int escalations, int open, Map<String, Integer> openBySeverity,
                     Map<String, Integer> openByAge, List<OpenIncident> openIncidents) {
    }

    private record Raised(Instant at, String severity, String kind) {
    }

    private final JdbcTemplate jdbc;

    IncidentFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Incidents of(MetricsScope scope) {
        List<Raised> raised = raised(scope, null);
        List<WeeklyIncidents> weekly = weekly(scope, raised);
        List<OpenIncident> open = openAt(scope);
        Map<String, Integer> openBySeverity = zeroes(severities());
        Map<String, Integer> openByAge = zeroes(List.copyOf(AGE_BUCKETS.keySet()));
        for (OpenIncident incident : open) {
            openBySeverity.merge(incident.severity(), 1, Integer::sum);
            openByAge.merge(ageBucketOf(Duration.between(incident.raisedAt(), scope.to())), 1, Integer::sum);
        }
        return new Incidents(raised.size(), bySeverity(raised), byKind(raised), weekly,
                durations(scope, "acknowledged_at"), durations(scope, "resolved_at"), escalations(scope),
                open.size(), openBySeverity, openByAge, open.stream().limit(OPEN_INCIDENTS_LISTED).toList());
    }

    /** One contract's incidents raised per week, for the contract page. */
    List<WeeklyIncidents> weeklyOf(String contractId, MetricsScope scope) {
        return weekly(scope, raised(scope, contractId));
    }

    private List<Raised> raised(MetricsScope scope, String contractId) {
        return jdbc.query("""
                SELECT raised_at, severity, kind FROM metric_incident
                WHERE raised_at >= ? AND raised_at < ? AND (?::text IS NULL OR domain = ?)
                  AND (?::text IS NULL OR contract_id = ?)""",
                (row, i) -> new Raised(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3)),
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain(), contractId, contractId);
    }

    private static List<WeeklyIncidents> weekly(MetricsScope scope, List<Raised> raised) {
        List<WeeklyIncidents> weekly = new ArrayList<>();
        for (Weeks.Week week : Weeks.of(scope.from(), scope.to())) {
            List<Raised> inWeek = raised.stream().filter(r -> week.contains(r.at())).toList();
            weekly.add(new WeeklyIncidents(week.monday().toString(), bySeverity(inWeek), byKind(inWeek)));
        }
        return weekly;
    }

    /** Worst severity first, then oldest first. */
    List<OpenIncident> openAt(MetricsScope scope) {
        return jdbc.query("""
                SELECT incident_id, contract_id, version, domain, severity, kind, title, raised_at,
                       acknowledged_at IS NOT NULL AND acknowledged_at < ? AS acknowledged
                FROM metric_incident
                WHERE raised_at < ? AND (resolved_at IS NULL OR resolved_at >= ?) AND (?::text IS NULL OR domain = ?)
                ORDER BY severity, raised_at, incident_id""",
                (row, i) -> {
                    Instant raisedAt = row.getTimestamp("raised_at").toInstant();
                    return new OpenIncident(row.getString("incident_id"), row.getString("contract_id"),
                            row.getString("version"), row.getString("domain"), row.getString("severity"),
                            row.getString("kind"), row.getString("title"), raisedAt, row.getBoolean("acknowledged"),
                            Duration.between(raisedAt, scope.to()).toMillis() / 1000.0);
                },
                scope.toTimestamp(), scope.toTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
    }

    private static String ageBucketOf(Duration age) {
        String bucket = null;
        for (Map.Entry<String, Duration> lowerBound : AGE_BUCKETS.entrySet()) {
            if (age.compareTo(lowerBound.getValue()) >= 0) {
                bucket = lowerBound.getKey();
            }
        }
        return bucket;
    }

    private DurationSummary durations(MetricsScope scope, String endColumn) {
        return DurationSummary.of(jdbc.query("""
                SELECT raised_at, %1$s FROM metric_incident
                WHERE %1$s >= ? AND %1$s < ? AND (?::text IS NULL OR domain = ?)""".formatted(endColumn),
                (row, i) -> Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()),
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain()));
    }

    private int escalations(MetricsScope scope) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM metric_incident
                WHERE escalated_at >= ? AND escalated_at < ? AND (?::text IS NULL OR domain = ?)""", Integer.class,
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
        return count == null ? 0 : count;
    }

    private static Map<String, Integer> bySeverity(List<Raised> raised) {
        Map<String, Integer> counts = zeroes(severities());
        raised.forEach(r -> counts.merge(r.severity(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> byKind(List<Raised> raised) {
        Map<String, Integer> counts = zeroes(Arrays.stream(IncidentKind.values()).map(Enum::name).toList());
        raised.forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
        return counts;
    }

    private static List<String> severities() {
        return Arrays.stream(IncidentSeverity.values()).map(Enum::name).toList();
    }

    private static Map<String, Integer> zeroes(List<String> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0));
        return counts;
    }

    private static Map<String, Duration> ageBuckets() {
        Map<String, Duration> buckets = new LinkedHashMap<>();
        buckets.put("under 1 day", Duration.ZERO);
        buckets.put("1 to 7 days", Duration.ofDays(1));
        buckets.put("7 to 30 days", Duration.ofDays(7));
        buckets.put("over 30 days", Duration.ofDays(30));
        return buckets;
    }
}
