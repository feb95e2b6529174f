package org.meshgov.domain.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class DomainQueries {

    private static final String SELECT = """
            SELECT domain_id, name, description, owner_group, member_group, registered_by, registered_at
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

    private static DomainView map(ResultSet row, int index) throws SQLException {
        return new DomainView(row.getString("domain_id"), row.getString("name"), row.getString("description"),
                row.getString("owner_group"), row.getString("member_group"), row.getString("registered_by"),
                row.getTimestamp("registered_at").toInstant());
    }
}
