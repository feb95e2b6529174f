package org.meshgov.incident.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.IncidentStatus;
import org.meshgov.incident.read.IncidentView.Failures;
import org.meshgov.incident.read.IncidentView.TimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Component
public class IncidentQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public IncidentQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Newest first; a null filter matches everything. */
    public List<IncidentSummary> search(IncidentStatus status, String domain, IncidentSeverity severity,
                                        String contractId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incident WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (domain != null && !domain.isBlank()) {
            sql.append(" AND domain = ?");
            args.add(domain);
        }
        if (severity != null) {
            sql.append(" AND severity = ?");
            args.add(severity.name());
        }
        if (contractId != null && !contractId.isBlank()) {
            sql.append(" AND contract_id = ?");
            args.add(contractId);
        }
        sql.append(" ORDER BY raised_at DESC, incident_id");
        return jdbc.query(sql.toString(), (row, i) -> new IncidentSummary(row.getString("incident_id"),
                row.getString("contract_id"), row.getString("version"), row.getString("domain"),
                IncidentKind.valueOf(row.getString("kind")), IncidentSeverity.valueOf(row.getString("severity")),
                row.getString("title"), IncidentStatus.valueOf(row.getString("status")), instant(row, "raised_at"),
                row.getString("raised_by"), row.getString("assignee"), instant(row, "acknowledged_at"),
                instant(row, "resolved_at"), instant(row, "closed_at"), instant(row, "escalated_at") != null,
                row.getString("rule"), strings(row.getString("consumers"))), args.toArray());
    }

    /** The row and its timeline from one snapshot, so that they agree while the projection writes. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<IncidentView> byId(String incidentId) {
        List<TimelineEntry> timeline = jdbc.query("""
                SELECT sequence, type, actor, occurred_at, details::text FROM incident_timeline
                WHERE incident_id = ? ORDER BY sequence""",
                (row, i) -> new TimelineEntry(row.getLong("sequence"), row.getString("type"), row.getString("actor"),
                        instant(row, "occurred_at"), tree(row.getString("details"))), incidentId);
        return jdbc.query("SELECT * FROM incident WHERE incident_id = ?", (row, i) -> {
            Instant raisedAt = instant(row, "raised_at");
            Duration toAcknowledge = elapsed(raisedAt, instant(row, "acknowledged_at"));
            Duration toResolve = elapsed(raisedAt, instant(row, "resolved_at"));
            return new IncidentView(row.getString("incident_id"), row.getString("contract_id"),
                    row.getString("version"), row.getString("domain"), IncidentKind.valueOf(row.getString("kind")),
                    IncidentSeverity.valueOf(row.getString("severity")), row.getString("title"),
                    row.getString("description"), IncidentStatus.valueOf(row.getString("status")),
                    row.getString("rule"), strings(row.getString("consumers")), row.getString("raised_by"),
                    raisedAt, instant(row, "acknowledge_by"), row.getString("assignee"),
                    row.getString("acknowledged_by"), instant(row, "acknowledged_at"),
                    instant(row, "escalated_at") != null, instant(row, "escalated_at"), row.getString("escalated_to"),
                    row.getString("resolution"), row.getString("resolution_comment"), row.getString("resolved_by"),
                    instant(row, "resolved_at"), row.getBoolean("postmortem_required"), row.getString("postmortem"),
                    row.getString("postmortem_by"), instant(row, "postmortem_at"), row.getString("closed_by"),
                    instant(row, "closed_at"), new Failures(row.getInt("failures"),
                    row.getString("last_failure_run_id"), instant(row, "last_failure_run_at")),
                    instant(row, "recovered_at"), iso(toAcknowledge), seconds(toAcknowledge), iso(toResolve),
                    seconds(toResolve), timeline);
        }, incidentId).stream().findFirst();
    }

    static Duration elapsed(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    static Double seconds(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1e9;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private List<String> strings(String value) {
        try {
            return json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident read model holds invalid JSON", e);
        }
    }

    private JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident read model holds invalid JSON", e);
        }
    }
}
