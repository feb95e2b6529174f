package org.meshgov.quality.read;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How well a contract version keeps its quality promises over a window: passed results / all results. */
@RestController
public class QualityReadController {

    public record RuleCompliance(String rule, String severity, long passed, long total, double compliance) {
    }

    public record Compliance(String contractId, String version, Instant from, Instant to, long runs, long passed,
                             long total, Double compliance, List<RuleCompliance> rules) {
    }

    private final JdbcTemplate jdbc;

    public QualityReadController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/contracts/{contractId}/versions/{version}/quality")
    public Compliance compliance(@PathVariable String contractId, @PathVariable String version,
                                 @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to) {
        Instant since = from == null ? Instant.EPOCH : from;
        Instant until = to == null ? Instant.now().plusSeconds(1) : to;
        Object[] window = {contractId, version, Timestamp.from(since), Timestamp.from(until)};
        List<RuleCompliance> rules = jdbc.query("""
                SELECT rule, min(severity) AS severity, count(*) FILTER (WHERE passed) AS passed, count(*) AS total
                FROM quality_result WHERE contract_id = ? AND version = ? AND run_at >= ? AND run_at < ?
                GROUP BY rule ORDER BY rule""", (row, i) -> new RuleCompliance(row.getString("rule"),
                row.getString("severity"), row.getLong("passed"), row.getLong("total"),
                (double) row.getLong("passed") / row.getLong("total")), window);
        Map<String, Object> totals = jdbc.queryForMap("""
                SELECT count(DISTINCT run_id) AS runs, count(*) FILTER (WHERE passed) AS passed, count(*) AS total
                FROM quality_result WHERE contract_id = ? AND version = ? AND run_at >= ? AND run_at < ?""", window);
        long passed = ((Number) totals.get("passed")).longValue();
        long total = ((Number) totals.get("total")).longValue();
        return new Compliance(contractId, version, since, until, ((Number) totals.get("runs")).longValue(), passed,
                total, total == 0 ? null : (double) passed / total, rules);
    }
}
