package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshgov.infra.persistence.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * 200,000 chained events exported in constant memory and verified from the file, on a database of
 * its own so that the shared one stays small.
 */
class ExportAtScaleTest {

    static final int EVENTS = 200_000;
    static final int BATCH = 100;
    static final long MEGABYTE = 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void twoHundredThousandEventsStreamInBoundedMemoryAndVerifyFromTheFile() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("db"), 0, false)) {
            DataSource database = new DriverManagerDataSource(server.jdbcUrl(), "postgres", "postgres");
            Flyway.configure().dataSource(database).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(database);
            // about 2 KB per event: buffering the export would need 500 MB or more. Appends come in
            // transactions of a few events, as the engine makes them; the chain's head row is
            // updated once per event and a huge single transaction would pile up its versions.
            for (int first = 1; first <= EVENTS; first += BATCH) {
                jdbc.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadtype, "timestamp")
                        SELECT 'synthetic:' || (n / 10), n % 10, 'Synthetic', 'event-' || n,
                               convert_to('{"actor":"bench"}', 'UTF8'),
                               convert_to('{"n":' || n || ',"text":"' || repeat('x', 2000) || '"}', 'UTF8'),
                               'org.meshgov.Synthetic', '2026-11-27T10:00:00Z'
                        FROM generate_series(?, ?) AS n""", first, first + BATCH - 1);
            }

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Path export = directory.resolve("events.jsonl");
            EventChainRepository chain = new EventChainRepository(jdbc);
            try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
                ChainExport.writeJsonLines(chain.entries(1, EVENTS).peek(entry -> {
                    if (entry.position() % 10_000 == 0) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    }
                }), out);
            }

            assertThat(Files.size(export)).isGreaterThan(500 * MEGABYTE);
            assertThat(peak.get() - baseline).as("heap growth while exporting").isLessThan(256 * MEGABYTE);
            Verification verification = VerifyExport.verify(export);
            assertThat(verification.firstBroken()).isNull();
            assertThat(verification.verified()).isEqualTo(EVENTS);
        }
    }
}
