package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshgov.infra.persistence.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * 200,000 chained events exported in constant memory and verified from what was exported, on a
 * database of its own so that the shared one stays small. The export goes through a pipe to the
 * verifier rather than to disk.
 */
class ExportAtScaleTest {

    static final int EVENTS = 200_000;
    static final int BATCH = 100;
    static final long MEGABYTE = 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void twoHundredThousandEventsStreamInBoundedMemoryAndVerifyFromTheExport() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("db"), 0, false)) {
            DataSource database = new DriverManagerDataSource(server.jdbcUrl(), "postgres", "postgres");
            Flyway.configure().dataSource(database).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(database);
            // about 1 KB per event: some 200 MB of payloads, 270 MB of export. Appends come in
            // transactions of a few events, as the engine makes them: the chain's head row is
            // updated once per event.
            for (int first = 1; first <= EVENTS; first += BATCH) {
                jdbc.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadtype, "timestamp")
                        SELECT 'synthetic:' || (n / 10), n % 10, 'Synthetic', 'event-' || n,
                               convert_to('{"actor":"bench"}', 'UTF8'),
                               convert_to('{"n":' || n || ',"text":"' || repeat('x', 1000) || '"}', 'UTF8'),
                               'org.meshgov.Synthetic', '2026-11-27T10:00:00Z'
                        FROM generate_series(?, ?) AS n""", first, first + BATCH - 1);
            }

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicLong exportedBytes = new AtomicLong();
            PipedInputStream exported = new PipedInputStream(1 << 16);
            PipedOutputStream export = new PipedOutputStream(exported);
            EventChainRepository chain = new EventChainRepository(jdbc);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try (Writer out = new BufferedWriter(new OutputStreamWriter(export, StandardCharsets.UTF_8))) {
                    ChainExport.writeJsonLines(chain.entries(1, EVENTS).peek(entry -> {
                        if (entry.position() % 10_000 == 0) {
                            // what is still reachable, not the garbage a busy young generation holds
                            System.gc();
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        }
                    }), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            Verification verification;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(exported, StandardCharsets.UTF_8))) {
                verification = EventChainVerifier.verify(1, EVENTS, ChainExport.readJsonLines(in)
                        .peek(entry -> exportedBytes.addAndGet(entry.event().payload().length)));
            }
            writing.join();

            assertThat(verification.firstBroken()).isNull();
            assertThat(verification.verified()).isEqualTo(EVENTS);
            assertThat(exportedBytes.get()).as("more than the heap bound below").isGreaterThan(150 * MEGABYTE);
            assertThat(peak.get() - baseline).as("heap growth while exporting").isLessThan(128 * MEGABYTE);
        }
    }
}
