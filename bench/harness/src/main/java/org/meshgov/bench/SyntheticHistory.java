package org.meshgov.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.axonframework.common.DateTimeUtils;
import org.meshgov.bench.TemplateContract.StoredRow;
import org.meshgov.contract.validation.ContentHash;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The large log the replay and history benchmarks need: the template contract's twenty events copied
 * under contract ids {@code bench-c-0000000}, {@code bench-c-0000001}, … Each copy is what the engine
 * would have written for that contract: its id replaced throughout (document, URL, name), each
 * document's content hash recomputed and carried into the reviews that cite it, fresh event ids, and
 * timestamps spread over the two years before the run. The copies go through the ordinary insert path
 * in transactions of {@value #CONTRACTS_PER_TRANSACTION} contracts, so the hash-chain trigger (ADR 9)
 * chains every one of them.
 */
final class SyntheticHistory {

    static final String PREFIX = "bench-c-";
    static final int CONTRACTS_PER_TRANSACTION = 10;
    static final Duration SPAN = Duration.ofDays(730);

    record Appended(int contracts, long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    private final List<StoredRow> template;
    private final List<String> templateText;
    private final Instant start;
    private final Duration perContract;
    private final Duration perEvent;

    SyntheticHistory(List<StoredRow> template, int contracts) {
        this.template = template;
        this.templateText = template.stream().map(row -> new String(row.payload(), StandardCharsets.UTF_8)).toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.start = now.minus(SPAN);
        this.perContract = SPAN.minusDays(1).dividedBy(contracts);
        this.perEvent = perContract.dividedBy(template.size() + 1);
    }

    static String contractId(int index) {
        return PREFIX + String.format("%07d", index);
    }

    /** When the {@code sequence}th event of contract {@code index} happened. */
    Instant timestamp(int index, long sequence) {
        return start.plus(perContract.multipliedBy(index)).plus(perEvent.multipliedBy(sequence));
    }

    Appended append(BenchDatabase database, int contracts) throws Exception {
        BlockingQueue<List<Object[]>> batches = new ArrayBlockingQueue<>(8);
        List<Object[]> end = List.of();
        Thread producer = new Thread(() -> {
            try {
                List<Object[]> batch = new ArrayList<>();
                for (int index = 0; index < contracts; index++) {
                    batch.addAll(copy(index));
                    if ((index + 1) % CONTRACTS_PER_TRANSACTION == 0) {
                        batches.put(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    batches.put(batch);
                }
                batches.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "synthetic-history");
        producer.setDaemon(true);
        long began = System.nanoTime();
        producer.start();
        long events = 0;
        try (Connection connection = database.pool().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                         metadata, payload, payloadrevision, payloadtype, "timestamp")
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (List<Object[]> batch = batches.take(); batch != end; batch = batches.take()) {
                for (Object[] row : batch) {
                    for (int column = 0; column < row.length; column++) {
                        insert.setObject(column + 1, row[column]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                events += batch.size();
                if (events % 100_000 < batch.size()) {
                    System.out.printf("[history] %,d events appended%n", events);
                }
            }
        }
        return new Appended(contracts, events, (System.nanoTime() - began) / 1e9);
    }

    /** The template's events as contract {@code index} would have them, as insert parameters. */
    private List<Object[]> copy(int index) {
        String id = contractId(index);
        List<String> payloads = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String text : templateText) {
            String payload = text.replace(TemplateContract.ID, id);
            JsonNode event = read(payload);
            if (event.has("document") && event.has("contentHash")) {
                hashes.put(event.path("contentHash").asText(), ContentHash.of(event.path("document")));
            }
            payloads.add(payload);
        }
        List<Object[]> rows = new ArrayList<>(template.size());
        for (int i = 0; i < template.size(); i++) {
            StoredRow row = template.get(i);
            String payload = payloads.get(i);
            for (Map.Entry<String, String> hash : hashes.entrySet()) {
                payload = payload.replace(hash.getKey(), hash.getValue());
            }
            Instant at = timestamp(index, row.sequenceNumber());
            rows.add(new Object[] {"contract:" + id, row.sequenceNumber(), row.type(), UUID.randomUUID().toString(),
                    metadata(row.metadata(), at), payload.getBytes(StandardCharsets.UTF_8), row.payloadRevision(),
                    row.payloadType(), DateTimeUtils.formatInstant(at)});
        }
        return rows;
    }

    /** The template's metadata (actor, correlation) with the time the actor acted moved to the copy's. */
    private static byte[] metadata(byte[] template, Instant at) {
        ObjectNode metadata = (ObjectNode) read(new String(template, StandardCharsets.UTF_8));
        if (metadata.has("actedAt")) {
            metadata.put("actedAt", at.toString());
        }
        return metadata.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks every event processor as having handled the whole log, as if the copies had happened
     * while the engine ran: their review processes would have ended long ago, and nothing must start
     * one now. The catalog is then rebuilt from the log through the engine's own rebuild.
     */
    static void processorsCaughtUp(JdbcTemplate jdbc) {
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        jdbc.update("UPDATE tokenentry SET tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken', "
                + "token = convert_to(?, 'UTF8')", "{\"index\":" + head + ",\"gaps\":[]}");
    }
}
