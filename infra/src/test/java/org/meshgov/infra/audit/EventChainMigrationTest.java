package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshgov.infra.persistence.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that already holds events when the chain is installed, on a database of its own: the
 * shared one was migrated before it held any event.
 */
class EventChainMigrationTest {

    @TempDir
    Path dataDirectory;

    static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).target(target).load().migrate();
    }

    static void append(JdbcTemplate jdbc, long globalIndex, String aggregate, String type, String metadata) {
        jdbc.update("""
                INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                    metadata, payload, payloadrevision, payloadtype, "timestamp")
                VALUES (?, ?, 0, ?, ?, convert_to(?, 'UTF8'), convert_to('{"name":"Café"}', 'UTF8'), NULL,
                    'org.meshgov.domain.DomainRegisteredEvent', '2026-03-01T10:00:00.123456Z')""",
                globalIndex, aggregate, type, "event-" + globalIndex, metadata);
    }

    @Test
    void eventsStoredBeforeTheChainAreChainedInGlobalIndexOrderAndLaterOnesFollow() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0, false)) {
            DataSource database = new DriverManagerDataSource(server.jdbcUrl(), "postgres", "postgres");
            JdbcTemplate jdbc = new JdbcTemplate(database);
            migrate(database, "5");
            append(jdbc, 20, "domain:café", "DataDomain", "{\"actor\":\"admin\"}");
            append(jdbc, 10, "domain:orders", null, null);

            migrate(database, "latest");
            append(jdbc, 30, "domain:marketing", "DataDomain", "{\"actor\":\"admin\"}");

            assertThat(jdbc.queryForList("SELECT global_index FROM event_chain ORDER BY position", Long.class))
                    .containsExactly(10L, 20L, 30L);
            assertThat(new EventChainRepository(jdbc).verify(1, 3)).isEqualTo(new Verification(3, null));
        }
    }
}
