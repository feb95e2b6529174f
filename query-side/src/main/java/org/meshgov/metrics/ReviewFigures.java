package org.meshgov.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meshgov.contract.ReviewStage;
import org.springframework.jdbc.core.JdbcTemplate;

/** How fast proposals become published contracts, where they wait, and who decides. */
public class ReviewFigures {

    private static final List<String> STAGES = List.of(ReviewStage.OWNER.name(), ReviewStage.GOVERNANCE.name(),
            MetricsProjection.CHANGES_REQUESTED);
    private static final int OPEN_REVIEWS_LISTED = 50;

    /** {@code waitingSince} is the start of the stage it waits in. */
    public record OpenReview(String contractId, String version, String domain, String stage, Instant waitingSince,
                      double waitingSeconds) {
    }

    public record ReviewerDecisions(String reviewer, int approve, int requestChanges, int reject, int total) {
    }

    public record WeeklyCount(String week, int count) {
    }

    /**
     * {@code slaBreaches}: owner and governance waits whose review SLA ran out in the window;
     * {@code escalations}: those the SLA timer escalated in the window.
     */
    public record Reviews(DurationSummary timeToPublish, Map<String, DurationSummary> stages, int slaBreaches,
                   int escalations, List<ReviewerDecisions> decisionsByReviewer, int inReview,
                   List<OpenReview> openReviews, List<WeeklyCount> publishedPerWeek) {
    }

    private final JdbcTemplate jdbc;
    private final Duration reviewSla;

    ReviewFigures(JdbcTemplate jdbc, Duration reviewSla) {
        this.jdbc = jdbc;
        this.reviewSla = reviewSla;
    }

    Reviews of(MetricsScope scope) {
        Map<String, DurationSummary> stages = new LinkedHashMap<>();
        for (String stage : STAGES) {
            stages.put(stage, DurationSummary.of(jdbc.query("""
                    SELECT started_at, ended_at FROM metric_review_stage
                    WHERE stage = ? AND ended_at >= ? AND ended_at < ? AND (?::text IS NULL OR domain = ?)""",
                    (row, i) -> Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()),
                    stage, scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain())));
        }
        List<OpenReview> open = openAt(scope);
        return new Reviews(timeToPublish(scope), stages, slaBreaches(scope), escalations(scope),
                decisionsByReviewer(scope), open.size(), open.stream().limit(OPEN_REVIEWS_LISTED).toList(),
                publishedPerWeek(scope));
    }

    DurationSummary timeToPublish(MetricsScope scope) {
        return DurationSummary.of(jdbc.query("""
                SELECT proposed_at, published_at FROM metric_contract_version
                WHERE published_at >= ? AND published_at < ? AND (?::text IS NULL OR domain = ?)""",
                (row, i) -> Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()),
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain()));
    }

    /** Oldest first. */
    List<OpenReview> openAt(MetricsScope scope) {
        return jdbc.query("""
                SELECT contract_id, version, domain, stage, started_at FROM metric_review_stage
                WHERE stage IN ('OWNER', 'GOVERNANCE') AND started_at < ? AND (ended_at IS NULL OR ended_at >= ?)
                  AND (?::text IS NULL OR domain = ?)
                ORDER BY started_at, contract_id, version""",
                (row, i) -> {
                    Instant since = row.getTimestamp("started_at").toInstant();
                    return new OpenReview(row.getString("contract_id"), row.getString("version"),
                            row.getString("domain"), row.getString("stage"), since,
                            Duration.between(since, scope.to()).toMillis() / 1000.0);
                },
                scope.toTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
    }

    private int slaBreaches(MetricsScope scope) {
        return count("""
                SELECT count(*) FROM metric_review_stage
                WHERE stage IN ('OWNER', 'GOVERNANCE')
                  AND started_at + make_interval(secs => ?) >= ? AND started_at + make_interval(secs => ?) < ?
                  AND (ended_at IS NULL OR ended_at > started_at + make_interval(secs => ?))
                  AND (?::text IS NULL OR domain = ?)""",
                reviewSla.toSeconds(), scope.fromTimestamp(), reviewSla.toSeconds(), scope.toTimestamp(),
                reviewSla.toSeconds(), scope.domain(), scope.domain());
    }

    private int escalations(MetricsScope scope) {
        return count("""
                SELECT count(*) FROM metric_review_stage
                WHERE escalated_at >= ? AND escalated_at < ? AND (?::text IS NULL OR domain = ?)""",
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
    }

    /** Most decisions first. */
    private List<ReviewerDecisions> decisionsByReviewer(MetricsScope scope) {
        return jdbc.query("""
                SELECT decided_by,
                       count(*) FILTER (WHERE outcome = 'approve') AS approve,
                       count(*) FILTER (WHERE outcome = 'requestChanges') AS request_changes,
                       count(*) FILTER (WHERE outcome = 'reject') AS reject,
                       count(*) AS total
                FROM metric_review_stage
                WHERE decided_by IS NOT NULL AND ended_at >= ? AND ended_at < ? AND (?::text IS NULL OR domain = ?)
                GROUP BY decided_by ORDER BY total DESC, decided_by""",
                (row, i) -> new ReviewerDecisions(row.getString("decided_by"), row.getInt("approve"),
                        row.getInt("request_changes"), row.getInt("reject"), row.getInt("total")),
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
    }

    private List<WeeklyCount> publishedPerWeek(MetricsScope scope) {
        List<Instant> published = jdbc.query("""
                SELECT published_at FROM metric_contract_version
                WHERE published_at >= ? AND published_at < ? AND (?::text IS NULL OR domain = ?)""",
                (row, i) -> row.getTimestamp(1).toInstant(),
                scope.fromTimestamp(), scope.toTimestamp(), scope.domain(), scope.domain());
        List<WeeklyCount> weekly = new ArrayList<>();
        for (Weeks.Week week : Weeks.of(scope.from(), scope.to())) {
            weekly.add(new WeeklyCount(week.monday().toString(), (int) published.stream()
                    .filter(week::contains).count()));
        }
        return weekly;
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
