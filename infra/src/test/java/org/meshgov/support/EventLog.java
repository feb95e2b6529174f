package org.meshgov.support;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** When a contract's first event of a kind was stored, to ask about the instants around it. */
public final class EventLog {

    private EventLog() {
    }

    public static Instant firstTime(JdbcTemplate jdbc, String contractId, String payloadType) {
        return Instant.parse(jdbc.queryForObject("""
                SELECT "timestamp" FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?
                ORDER BY sequencenumber LIMIT 1""", String.class, "contract:" + contractId,
                "org.meshgov." + payloadType));
    }
}
