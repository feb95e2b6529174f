package org.meshgov.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** How well contracts keep their quality promises, from the results pipelines report, by run time. */
public class QualityFigures {

    public record VersionQuality(String contractId, String version, String domain, long runs, long passed, long total,
                          Double compliance, Double score) {
    }

    public record WeeklyQuality(String week, long passed, long total, Double compliance, Double score) {
    }

    public record Quality(long runs, long passed, long total, Double compliance, Double score,
                   List<VersionQuality> byVersion, List<WeeklyQuality> weekly) {
    }

    /** One version's weekly trend, for the contract page. */
    public record VersionTrend(String version, List<WeeklyQuality> weekly) {
    }

    private record Counted(String contractId, String version, String domain, LocalDate week, String severity,
                           boolean passed, long count) {
        String versionKey() {
            return QualityFigures.versionKey(contractId, version);
        }
    }

    private final JdbcTemplate jdbc;

    QualityFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Quality of(MetricsScope scope) {
        List<Counted> counted = count(scope, null);
        Map<String, Long> runs = runsPerVersion(scope);
        QualityScore overall = new QualityScore();
        Map<String, QualityScore> perVersion = new TreeMap<>();
        Map<String, Counted> versionNames = new TreeMap<>();
        for (Counted c : counted) {
            overall.add(c.severity(), c.passed(), c.count());
            perVersion.computeIfAbsent(c.versionKey(), k -> new QualityScore()).add(c.severity(), c.passed(),
                    c.count());
            versionNames.putIfAbsent(c.versionKey(), c);
        }
        List<VersionQuality> byVersion = new ArrayList<>();
        perVersion.forEach((key, score) -> {
            Counted names = versionNames.get(key);
            byVersion.add(new VersionQuality(names.contractId(), names.version(), names.domain(),
                    runs.getOrDefault(key, 0L), score.passed(), score.total(), score.compliance(), score.score()));
        });
        return new Quality(runs.values().stream().mapToLong(Long::longValue).sum(), overall.passed(),
                overall.total(), overall.compliance(), overall.score(), byVersion, weekly(scope, counted));
    }

    List<VersionTrend> trendsOf(String contractId, MetricsScope scope) {
        Map<String, List<Counted>> byVersion = new TreeMap<>();
        count(scope, contractId).forEach(c -> byVersion.computeIfAbsent(c.version(), v -> new ArrayList<>()).add(c));
        return byVersion.entrySet().stream()
                .map(version -> new VersionTrend(version.getKey(), weekly(scope, version.getValue())))
                .toList();
    }

    private static List<WeeklyQuality> weekly(MetricsScope scope, List<Counted> counted) {
        Map<LocalDate, QualityScore> perWeek = new LinkedHashMap<>();
        Weeks.of(scope.from(), scope.to()).forEach(week -> perWeek.put(week.monday(), new QualityScore()));
        counted.forEach(c -> perWeek.get(c.week()).add(c.severity(), c.passed(), c.count()));
        List<WeeklyQuality> weekly = new ArrayList<>();
        perWeek.forEach((monday, score) -> weekly.add(new WeeklyQuality(monday.toString(), score.passed(),
                score.total(), score.compliance(), score.score())));
        return weekly;
    }

    private List<Counted> count(MetricsScope scope, String contractId) {
        return jdbc.query("""
                SELECT contract_id, version, domain, date_trunc('week', run_at AT TIME ZONE 'UTC')::date AS week,
                       severity, passed, count(*) AS results
                FROM metric_quality_result
                WHERE run_at >= ? AND run_at < ? AND (?::text IS NULL OR domain = ?)
                  AND (?::text IS NULL OR contract_id = ?)
                GROUP BY contract_id, version, domain, week, severity, passed""",
                (row, i) -> new Counted(row.getString("contract_id"), row.getString("version"),
                        row.getString("domain"), row.getObject("week", LocalDate.class), row.getString("severity"),
                        row.getBoolean("passed"), row.getLong("results")),
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain(), contractId, contractId);
    }

    private static String versionKey(String contractId, String version) {
        return contractId + "\u0000" + version;
    }

    private Map<String, Long> runsPerVersion(MetricsScope scope) {
        Map<String, Long> runs = new TreeMap<>();
        jdbc.query("""
                SELECT contract_id, version, count(DISTINCT run_id) AS runs FROM metric_quality_result
                WHERE run_at >= ? AND run_at < ? AND (?::text IS NULL OR domain = ?)
                GROUP BY contract_id, version""",
                row -> {
                    runs.put(versionKey(row.getString("contract_id"), row.getString("version")), row.getLong("runs"));
                },
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
        return runs;
    }
}
