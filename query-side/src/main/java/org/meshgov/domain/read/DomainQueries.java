package org.meshgov.domain.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meshgov.domain.OnboardingStage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class DomainQueries {

    private static final String SELECT = """
            SELECT domain_id, name, description, owner_group, member_group, registered_by, registered_at, stage,
                   stage_since
            FROM domain_directory""";

    private final JdbcTemplate jdbc;

    public DomainQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DomainView> all() {
        return jdbc.query(SELECT + " ORDER BY domain_id", DomainQueries::map);
    }

    public Optional<DomainView> byId(String domainId) {
        return jdbc.query(SELECT + " WHERE domain_id = ?", DomainQueries::map, domainId).stream().findFirst();
    }

    public List<StageChangeView> stageHistory(String domainId) {
        return jdbc.query("""
                SELECT request_id, from_stage, to_stage, reason, requested_by, requested_at, status, decided_by,
                       decided_at, comment
                FROM domain_stage_change WHERE domain_id = ? ORDER BY requested_at, request_id""",
                (row, i) -> new StageChangeView(row.getString("request_id"),
                        OnboardingStage.valueOf(row.getString("from_stage")),
                        OnboardingStage.valueOf(row.getString("to_stage")), row.getString("reason"),
                        row.getString("requested_by"), instant(row.getTimestamp("requested_at")),
                        row.getString("status"), row.getString("decided_by"), instant(row.getTimestamp("decided_at")),
                        row.getString("comment")),
                domainId);
    }

    private static DomainView map(ResultSet row, int index) throws SQLException {
        return new DomainView(row.getString("domain_id"), row.getString("name"), row.getString("description"),
                row.getString("owner_group"), row.getString("member_group"), row.getString("registered_by"),
                row.getTimestamp("registered_at").toInstant(), OnboardingStage.valueOf(row.getString("stage")),
                row.getTimestamp("stage_since").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
