package org.meshgov.domain.read;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.domain.DomainRegisteredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registered domains. Runs in the same transaction as the domain's events, because the command side
 * checks proposals against it.
 */
@Component
@ProcessingGroup(DomainDirectoryProjection.PROCESSING_GROUP)
public class DomainDirectoryProjection {

    public static final String PROCESSING_GROUP = "domain-directory";

    private final JdbcTemplate jdbc;

    public DomainDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DomainRegisteredEvent event, @org.axonframework.eventhandling.Timestamp Instant registeredAt) {
        jdbc.update("""
                INSERT INTO domain_directory (domain_id, name, description, owner_group, member_group,
                                              registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (domain_id) DO NOTHING""",
                event.domainId(), event.name(), event.description(), event.ownerGroup(), event.memberGroup(),
                event.registeredBy(), Timestamp.from(registeredAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM domain_directory");
    }
}
