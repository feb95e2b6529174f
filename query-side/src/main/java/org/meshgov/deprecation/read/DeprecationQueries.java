package org.meshgov.deprecation.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class DeprecationQueries {

    private static final TypeReference<Map<String, ConsumerView>> CONSUMERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DeprecationQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<DeprecationView> search(String status, String domain) {
        StringBuilder sql = new StringBuilder("SELECT * FROM deprecation WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            sql.append(" AND status = ?");
            args.add(status.toUpperCase(Locale.ROOT));
        }
        if (domain != null && !domain.isBlank()) {
            sql.append(" AND domain = ?");
            args.add(domain);
        }
        sql.append(" ORDER BY deprecated_at DESC, deprecation_id");
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    public Optional<DeprecationView> byId(String deprecationId) {
        return jdbc.query("SELECT * FROM deprecation WHERE deprecation_id = ?", this::map, deprecationId).stream()
                .findFirst();
    }

    /** The open deprecation of a contract's major version, if a version of it is being deprecated. */
    public Optional<DeprecationView> openOn(String contractId, long major) {
        return jdbc.query("SELECT * FROM deprecation WHERE contract_id = ? AND major = ? AND status = 'OPEN'",
                this::map, contractId, major).stream().findFirst();
    }

    private DeprecationView map(ResultSet row, int index) throws SQLException {
        try {
            List<ConsumerView> consumers = List.copyOf(json.readValue(row.getString("consumers"), CONSUMERS).values());
            return new DeprecationView(row.getString("deprecation_id"), row.getString("contract_id"),
                    row.getString("version"), row.getLong("major"), row.getString("domain"), row.getString("reason"),
                    instant(row, "sunset"), row.getString("replacement_version"), row.getString("status"),
                    row.getBoolean("sunset_decision_due"), row.getString("deprecated_by"),
                    instant(row, "deprecated_at"), instant(row, "closed_at"), row.getString("close_reason"),
                    consumers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("deprecation read model holds invalid JSON", e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
