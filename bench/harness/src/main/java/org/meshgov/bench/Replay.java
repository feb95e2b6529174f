package org.meshgov.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Benchmark 3: the catalog rebuilt from the whole log through the engine's own rebuild
 * ({@code POST /api/admin/projections/contract-catalog/rebuild}), against one plain sequential JDBC read
 * of the same rows, all columns, before and after the rebuild.
 */
final class Replay {

    static final double TARGET = 0.5;
    static final String PROCESSOR = "contract-catalog";

    private Replay() {
    }

    record SequentialRead(long rows, long bytes, double seconds) {
        double perSecond() {
            return rows / seconds;
        }
    }

    static void run(BenchDatabase database, Engine engine, Report report, boolean reported) throws Exception {
        long head = database.jdbc().queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        long events = database.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        if (reported) {
            report.section("3", "3. Replay: rebuild the catalog from " + String.format("%,d", events)
                    + " events vs a sequential JDBC read");
        }
        SequentialRead before = read(database.pool());
        long engineCpu = engine.jvm().cpuMillis();
        long postgresCpu = database.postgresCpuMillis();
        long began = System.nanoTime();
        engine.http().post("admin", "/api/admin/projections/" + PROCESSOR + "/rebuild", "application/json", "")
                .expect(202);
        while (true) {
            Thread.sleep(250);
            JsonNode status = engine.http().get("admin", "/api/admin/projections/" + PROCESSOR).expect(200).json();
            if (!status.path("replaying").asBoolean() && status.path("position").asLong() >= head) {
                break;
            }
            if (System.nanoTime() - began > Duration.ofHours(3).toNanos()) {
                throw new IllegalStateException("the rebuild did not finish within three hours: " + status);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        engineCpu = engine.jvm().cpuMillis() - engineCpu;
        postgresCpu = database.postgresCpuMillis() - postgresCpu;
        SequentialRead after = read(database.pool());
        long versions = database.jdbc().queryForObject("SELECT count(*) FROM catalog_contract_version", Long.class);
        System.out.printf("[3] rebuild of %d events in %.1f s (%.0f events/s); sequential read %.0f and %.0f rows/s%n",
                events, seconds, events / seconds, before.perSecond(), after.perSecond());
        if (!reported) {
            return;
        }
        SequentialRead baseline = before.perSecond() >= after.perSecond() ? before : after;
        double rate = events / seconds;
        double ratio = rate / baseline.perSecond();
        report.paragraph("The rebuild is timed from the `POST` until `GET /api/admin/projections/" + PROCESSOR
                + "` reports it no longer replaying and at the head (polled every 250 ms); it walks every event "
                + "of the log and ends with " + String.format("%,d", versions) + " catalog rows. The read is "
                + "`SELECT <every column> FROM domainevententry ORDER BY globalindex` with a fetch size of 1,000 in "
                + "one transaction, reading every value; the faster of the two reads is the baseline. During the "
                + "rebuild the engine used " + Report.number(engineCpu * 1000.0 / events) + " µs and PostgreSQL "
                + Report.number(postgresCpu * 1000.0 / events) + " µs of CPU per event. "
                + "Target: ≥ 1/2 of the read's rate.");
        report.table(List.of("what", "events", "seconds", "events/s", "ratio", "target ≥ 1/2"), List.of(
                List.of("catalog rebuild", String.format("%,d", events), Report.number(seconds), Report.number(rate),
                        Report.ratio(ratio), Report.verdict(ratio >= TARGET)),
                List.of("sequential read before (" + Report.number(before.bytes() / 1e6) + " MB)",
                        String.format("%,d", before.rows()), Report.number(before.seconds()),
                        Report.number(before.perSecond()), "", ""),
                List.of("sequential read after", String.format("%,d", after.rows()), Report.number(after.seconds()),
                        Report.number(after.perSecond()), "", "")));
        report.loadAfter();
    }

    static SequentialRead read(DataSource pool) throws Exception {
        long began = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, "timestamp",
                           payloadtype, payloadrevision, metadata, payload
                    FROM domainevententry ORDER BY globalindex""")) {
                select.setFetchSize(1_000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        row.getLong(1);
                        bytes += length(row.getString(2)) + length(row.getString(3)) + 8 + length(row.getString(5))
                                + length(row.getString(6)) + length(row.getString(7)) + length(row.getString(8));
                        byte[] metadata = row.getBytes(9);
                        bytes += (metadata == null ? 0 : metadata.length) + row.getBytes(10).length;
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        return new SequentialRead(rows, bytes, (System.nanoTime() - began) / 1e9);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
