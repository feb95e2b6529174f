package org.meshgov.access.read;

import java.util.List;
import org.meshgov.deprecation.ActiveGrants;
import org.meshgov.deprecation.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Consumer domains holding a grant on a contract's major version now, with the group that answers for each. */
@Component
public class GrantedConsumers implements ActiveGrants {

    private final JdbcTemplate jdbc;

    public GrantedConsumers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Consumer> on(String contractId, long majorVersion) {
        return jdbc.query("""
                SELECT DISTINCT a.consumer_domain, d.owner_group FROM access_request a
                JOIN domain_directory d ON d.domain_id = a.consumer_domain
                WHERE a.contract_id = ? AND a.major = ? AND a.status = 'GRANTED' AND a.until > now()
                ORDER BY a.consumer_domain""",
                (row, i) -> new Consumer(row.getString("consumer_domain"), row.getString("owner_group")),
                contractId, majorVersion);
    }
}
