package org.meshgov.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 2: proposals end to end over HTTP. Clients post new contracts (the demo's orders
 * contract under fresh ids) as a domain member; the engine validates, classifies, appends the event
 * and answers 202; its review processor then starts the BPMN process whose first task the domain
 * owners see in {@code /engine-rest/task}. One watcher polls that list as an owner and notes when each
 * task first shows; the lag is from the 202 to that moment.
 */
final class ProposalPath {

    static final double RATE_TARGET = 1.0 / 15;
    static final double LAG_TARGET_MILLIS = 1000;
    /** Lag is measured to within this; the target is a second. */
    static final long POLL_MILLIS = 50;
    static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private ProposalPath() {
    }

    record Point(int clients, int proposals, double seconds, Latencies accepted, Latencies lag, Latencies postToTask) {
        double perSecond() {
            return proposals / seconds;
        }
    }

    static String document(BenchConfig config, String contractId) throws Exception {
        return Files.readString(config.examples().resolve("orders-v1.0.0.yaml"))
                .replace("id: orders-placed", "id: " + contractId);
    }

    static void run(BenchConfig config, BenchDatabase database, Engine engine, StackFloor.Figures floor, Report report)
            throws Exception {
        report.section("2", "2. Proposal path: propose over HTTP until the review task is visible, vs raw inserts");
        // as in benchmark 1: a warm JVM, and no backlog left to the processors when the measurement starts
        long warmUntil = System.nanoTime() + config.warmup().toNanos();
        for (int round = 0; round == 0 || System.nanoTime() < warmUntil; round++) {
            measure(config, database, engine, 2, 100, "bench-warm-" + round);
        }
        database.awaitProcessorsCaughtUp(Duration.ofMinutes(10));
        byte[] payload = database.jdbc().queryForObject("""
                SELECT payload || coalesce(metadata, ''::bytea) FROM domainevententry
                WHERE payloadtype = 'org.meshgov.contract.ContractVersionProposedEvent'
                  AND aggregateidentifier LIKE 'contract:bench-warm-%' LIMIT 1""", byte[].class);
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> floorRows = new ArrayList<>();
        for (int clients : config.proposalClients()) {
            long engineCpu = engine.jvm().cpuMillis();
            Point point = measure(config, database, engine, clients, config.proposals(), "bench-p" + clients);
            engineCpu = engine.jvm().cpuMillis() - engineCpu;
            Load.Result raw = RawInserts.run(database.pool(), clients, payload, config.measure());
            double ratio = point.perSecond() / raw.perSecond();
            boolean met = ratio >= RATE_TARGET && point.lag().p99() < LAG_TARGET_MILLIS;
            rows.add(List.of(Integer.toString(clients), Integer.toString(point.proposals()),
                    Report.number(point.perSecond()),
                    Report.millis(point.accepted().p50()) + " / " + Report.millis(point.accepted().p99()),
                    Report.millis(point.lag().p50()), Report.millis(point.lag().p99()),
                    Report.millis(point.lag().max()),
                    Report.millis(point.postToTask().p50()) + " / " + Report.millis(point.postToTask().p99()),
                    Report.millis((double) engineCpu / point.proposals()),
                    Report.number(raw.perSecond()), Report.ratio(ratio), Report.verdict(met)));
            StackFloor.Point floorPoint = floor.proposals().get(clients);
            if (floorPoint != null) {
                floorRows.add(StackFloor.row(clients, raw.perSecond(), floorPoint, point.perSecond()));
            }
            System.out.printf("[2] %d clients: %.1f proposals/s, lag p50 %.0f ms p99 %.0f ms, post to task p99 %.0f ms, "
                            + "raw %.0f inserts/s%n", clients, point.perSecond(), point.lag().p50(), point.lag().p99(),
                    point.postToTask().p99(), raw.perSecond());
        }
        report.paragraph("After proposals from 2 clients for " + config.warmup().toSeconds() + " s to warm the "
                + "engine up, and once every event processor has caught up, each client posts its next proposal as "
                + "soon as the previous one is answered (202); "
                + "proposals/s counts from the first post to the moment the last task showed. The watcher polls "
                + "`GET /engine-rest/task?processInstanceBusinessKeyLike=…` every " + POLL_MILLIS + " ms, so a lag "
                + "includes up to one poll interval. A proposal may wait before its 202 while the review workflow is "
                + "behind (ADR 17), so the time from the post to the task is shown too. The raw side inserts the stored proposal event's bytes ("
                + payload.length + " bytes) one row per transaction from as many clients, for "
                + config.measure().toSeconds() + " s. Target: proposals/s ≥ 1/15 of raw inserts/s and lag p99 < 1 s.");
        report.table(List.of("clients", "proposals", "proposals/s", "202 latency p50 / p99", "lag p50", "lag p99",
                "lag max", "post to task p50 / p99", "engine CPU per proposal", "raw inserts/s", "ratio", "target ≥ 1/15, p99 < 1 s"), rows);
        if (!floorRows.isEmpty()) {
            report.paragraph("**The stack's floor** (`bench/stack-floor`, as in benchmark 1, measured for "
                    + config.measure().toSeconds() + " s per point after " + config.warmup().dividedBy(2).toSeconds()
                    + " s of warm-up): the same frameworks and Camunda 7.24 configured as the engine's (full "
                    + "history, authorizations), receiving as JSON the 16 variables the engine's review process "
                    + "starts with and the proposed document; in one transaction it inserts the request and starts "
                    + "a process that passes a gateway and waits at a user task for a candidate group with a "
                    + "non-interrupting SLA timer, as contract-review does, then answers 202. The task is visible "
                    + "when the 202 is sent (checked: one open task per accepted proposal). Nothing of meshgov: no "
                    + "YAML, no schema validation, no diff or classification, no event log, no processor between the "
                    + "202 and the process. Its ratio to the raw inserts bounds what any implementation of "
                    + "benchmark 2 can reach here.");
            StackFloor.table(report, "proposal", floorRows);
        }
        report.loadAfter();
    }

    static Point measure(BenchConfig config, BenchDatabase database, Engine engine, int clients, int proposals,
                         String prefix) throws Exception {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        Latencies accepted = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Watcher watcher = new Watcher(engine.http(), database.jdbc(), prefix, proposals);
        Thread watching = new Thread(watcher, "task-watcher");
        long start = System.nanoTime();
        watching.start();
        List<Thread> submitters = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            Thread submitter = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < proposals; i = next.getAndIncrement()) {
                        String contractId = prefix + "-" + i;
                        long before = System.nanoTime();
                        engine.http().post("mike", "/api/contracts", "application/yaml", document(config, contractId))
                                .expect(202);
                        long after = System.nanoTime();
                        acceptedAt.put(contractId, after);
                        postedAt.put(contractId, before);
                        accepted.add(after - before);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "proposer-" + client);
            submitter.start();
            submitters.add(submitter);
        }
        for (Thread submitter : submitters) {
            submitter.join();
        }
        if (failure.get() != null) {
            watcher.stop();
            throw failure.get();
        }
        watching.join(Duration.ofMinutes(10).toMillis());
        watcher.stop();
        if (watcher.failure != null) {
            throw watcher.failure;
        }
        Latencies lag = new Latencies();
        Latencies postToTask = new Latencies();
        long last = start;
        for (Map.Entry<String, Long> visible : watcher.visibleAt.entrySet()) {
            Long posted = acceptedAt.get(visible.getKey());
            if (posted == null) {
                throw new IllegalStateException("a task for " + visible.getKey() + ", which was never accepted");
            }
            lag.add(visible.getValue() - posted);
            postToTask.add(visible.getValue() - postedAt.get(visible.getKey()));
            last = Math.max(last, visible.getValue());
        }
        if (lag.count() != proposals) {
            throw new IllegalStateException(proposals + " proposals accepted but " + lag.count() + " tasks visible");
        }
        return new Point(clients, proposals, (last - start) / 1e9, accepted, lag, postToTask);
    }

    /** Polls the owners' task list and notes, per contract, when its review task first showed. */
    private static final class Watcher implements Runnable {

        final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        private final Map<String, String> contractOfProcess = new ConcurrentHashMap<>();
        private final Http http;
        private final JdbcTemplate jdbc;
        private final String prefix;
        private final int expected;
        private volatile boolean stopped;
        volatile Exception failure;

        Watcher(Http http, JdbcTemplate jdbc, String prefix, int expected) {
            this.http = http;
            this.jdbc = jdbc;
            this.prefix = prefix;
            this.expected = expected;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            // tasks commit in the order they are created, within a transaction's length; two seconds back is ample
            Instant since = Instant.now().minusSeconds(2);
            try {
                while (!stopped && visibleAt.size() < expected) {
                    Http.Reply reply = http.get("olivia", "/engine-rest/task?processDefinitionKey=contract-review"
                            + "&processInstanceBusinessKeyLike=" + prefix + "-%25&createdAfter="
                            + URLEncoder.encode(CAMUNDA_DATE.format(since.atOffset(ZoneOffset.UTC)),
                                    StandardCharsets.UTF_8)
                            + "&sortBy=created&sortOrder=asc&maxResults=5000").expect(200);
                    long now = System.nanoTime();
                    Instant newest = since;
                    for (JsonNode task : reply.json()) {
                        String contract = contractOf(task.path("processInstanceId").asText());
                        visibleAt.putIfAbsent(contract, now);
                        Instant created = OffsetDateTime.parse(task.path("created").asText(), CAMUNDA_DATE).toInstant();
                        newest = created.isAfter(newest) ? created : newest;
                    }
                    since = newest.minusSeconds(2);
                    // a task-list query costs the engine several ms of CPU; polling back to back took
                    // a core from the engine it measures
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        /** The business key is {@code <contractId>:<version>}; a process is looked up once. */
        private String contractOf(String processInstanceId) throws Exception {
            String known = contractOfProcess.get(processInstanceId);
            if (known != null) {
                return known;
            }
            // owners may read tasks, not process instances: the business key comes from the database
            String businessKey = jdbc.queryForObject("SELECT business_key_ FROM act_hi_procinst WHERE id_ = ?",
                    String.class, processInstanceId);
            String contract = businessKey.substring(0, businessKey.lastIndexOf(':'));
            contractOfProcess.put(processInstanceId, contract);
            return contract;
        }
    }
}
