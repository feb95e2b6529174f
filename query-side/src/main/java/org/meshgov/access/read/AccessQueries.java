package org.meshgov.access.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class AccessQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AccessQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<AccessRequestView> requests(String status, String consumerDomain, String contractId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM access_request WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            sql.append(" AND status = ?");
            args.add(status.toUpperCase(Locale.ROOT));
        }
        if (consumerDomain != null && !consumerDomain.isBlank()) {
            sql.append(" AND consumer_domain = ?");
            args.add(consumerDomain);
        }
        if (contractId != null && !contractId.isBlank()) {
            sql.append(" AND contract_id = ?");
            args.add(contractId);
        }
        sql.append(" ORDER BY requested_at DESC, request_id");
        return jdbc.query(sql.toString(), this::mapRequest, args.toArray());
    }

    public Optional<AccessRequestView> request(String requestId) {
        return jdbc.query("SELECT * FROM access_request WHERE request_id = ?", this::mapRequest, requestId).stream()
                .findFirst();
    }

    /** Grants that were in force at that instant: granted before it, not ended and not past their end by then. */
    public List<AccessGrantView> grantsActiveAt(Instant at, String contractId, String consumerDomain) {
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM access_request WHERE granted_at IS NOT NULL AND granted_at <= ?
                AND (ended_at IS NULL OR ended_at > ?) AND until > ?""");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(at), Timestamp.from(at), Timestamp.from(at)));
        if (contractId != null && !contractId.isBlank()) {
            sql.append(" AND contract_id = ?");
            args.add(contractId);
        }
        if (consumerDomain != null && !consumerDomain.isBlank()) {
            sql.append(" AND consumer_domain = ?");
            args.add(consumerDomain);
        }
        sql.append(" ORDER BY granted_at, request_id");
        return jdbc.query(sql.toString(), (row, i) -> new AccessGrantView(row.getString("request_id"),
                row.getString("contract_id"), row.getLong("major"), row.getString("consumer_domain"),
                read(row.getString("properties")), instant(row, "until"), row.getString("status"),
                instant(row, "granted_at"), read(row.getString("approved_by")), instant(row, "ended_at")),
                args.toArray());
    }

    private AccessRequestView mapRequest(ResultSet row, int index) throws SQLException {
        return new AccessRequestView(row.getString("request_id"), row.getString("contract_id"), row.getLong("major"),
                row.getString("contract_version"), row.getString("owning_domain"), row.getString("consumer_domain"),
                row.getString("purpose"), read(row.getString("properties")),
                read(row.getString("sensitive_properties")), instant(row, "until"), row.getString("status"),
                read(row.getString("approvals_needed")), read(row.getString("decisions")),
                row.getString("requested_by"), instant(row, "requested_at"), row.getString("renews_grant_id"),
                instant(row, "granted_at"), read(row.getString("approved_by")), row.getString("automatic_reason"),
                instant(row, "escalated_at"), instant(row, "renewal_declined_at"), instant(row, "ended_at"),
                row.getString("end_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private JsonNode read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("access read model holds invalid JSON", e);
        }
    }
}
