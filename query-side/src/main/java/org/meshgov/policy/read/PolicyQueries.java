package org.meshgov.policy.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class PolicyQueries {

    /** A version's number and its document as written. */
    public record PolicyDocument(long version, String document) {
    }

    private static final String SELECT = """
            SELECT version, based_on, status, content_hash, rules::text AS rules, changes::text AS changes, reason,
                   proposed_by, proposed_at, decided_by, decided_at, comment, active_from, active_until
            FROM policy_set_version""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PolicyQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The number of the version in force; its document is read only when a version is new to the reader. */
    public Optional<Long> activeVersion() {
        return jdbc.queryForList("SELECT version FROM policy_set_version WHERE status = 'ACTIVE'", Long.class)
                .stream().findFirst();
    }

    public Optional<PolicyDocument> document(long version) {
        return jdbc.query("SELECT version, document FROM policy_set_version WHERE version = ?",
                (row, i) -> new PolicyDocument(row.getLong("version"), row.getString("document")), version)
                .stream().findFirst();
    }

    public Optional<PolicyVersionView> active() {
        return jdbc.query(SELECT + " WHERE status = 'ACTIVE'", this::map).stream().findFirst();
    }

    public Optional<PolicyVersionView> version(long version) {
        return jdbc.query(SELECT + " WHERE version = ?", this::map, version).stream().findFirst();
    }

    /** Newest first. */
    public List<PolicyVersionView> history() {
        return jdbc.query(SELECT + " ORDER BY version DESC", this::map);
    }

    private PolicyVersionView map(ResultSet row, int index) throws SQLException {
        long basedOn = row.getLong("based_on");
        return new PolicyVersionView(row.getLong("version"), row.wasNull() ? null : basedOn, row.getString("status"),
                row.getString("content_hash"), list(row.getString("rules")), list(row.getString("changes")),
                row.getString("reason"), row.getString("proposed_by"), instant(row.getTimestamp("proposed_at")),
                row.getString("decided_by"), instant(row.getTimestamp("decided_at")), row.getString("comment"),
                instant(row.getTimestamp("active_from")), instant(row.getTimestamp("active_until")));
    }

    private List<String> list(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
