package org.meshgov.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The stack's floor under benchmarks 1 and 2 (bench/stack-floor): the engine's frameworks with none
 * of meshgov's work, in its own JVM on the bench's PostgreSQL (a database of its own there), loaded
 * by the same clients as the engine. Measured before the engine starts, so neither runs beside the
 * other. What the floor cannot reach against the raw inserts, nothing built on this stack can.
 */
final class StackFloor implements AutoCloseable {

    static final String MAIN = "org.meshgov.bench.floor.StackFloorApplication";
    static final String DATABASE = "stack_floor";

    /** What the floor did at one concurrency. */
    record Point(long operations, double perSecond, Latencies latencies, double cpuMillisPerOperation,
                 double postgresCpuMillisPerOperation) {
    }

    /** The floor's figures, by clients; empty where the benchmark was not run. */
    record Figures(Map<Integer, Point> commands, Map<Integer, Point> proposals) {
        static Figures none() {
            return new Figures(Map.of(), Map.of());
        }
    }

    private final ChildJvm jvm;
    private final Http http;
    private final JdbcTemplate jdbc;

    private StackFloor(ChildJvm jvm, Http http, JdbcTemplate jdbc) {
        this.jvm = jvm;
        this.http = http;
        this.jdbc = jdbc;
    }

    static Figures measure(BenchConfig config, BenchDatabase database) throws Exception {
        if (!config.runs(1) && !config.runs(2)) {
            return Figures.none();
        }
        try (StackFloor floor = start(config, database)) {
            Map<Integer, Point> commands = new LinkedHashMap<>();
            Map<Integer, Point> proposals = new LinkedHashMap<>();
            String document = ProposalPath.document(config, "floor");
            // warmed up for as long as the engine is, split between the two kinds of request
            Duration half = config.warmup().dividedBy(2);
            if (config.runs(1)) {
                CommandPath.requireNoFailure(Load.closedLoop(4, half, (client, sequence) ->
                        floor.command("warm", client, sequence)));
                for (int clients : config.concurrency()) {
                    commands.put(clients, floor.point(database, clients, config.measure(), (client, sequence) ->
                            floor.command("c" + clients, client, sequence)));
                }
            }
            if (config.runs(2)) {
                CommandPath.requireNoFailure(Load.closedLoop(2, half, (client, sequence) ->
                        floor.proposal(document, "warm", client, sequence)));
                for (int clients : config.proposalClients()) {
                    long tasksBefore = floor.openTasks();
                    Point point = floor.point(database, clients, config.measure(), (client, sequence) ->
                            floor.proposal(document, "p" + clients, client, sequence));
                    long tasks = floor.openTasks() - tasksBefore;
                    // each 202 stands for a process waiting at its task, not for a request that was merely answered
                    if (tasks != point.operations()) {
                        throw new IllegalStateException("the floor accepted " + point.operations()
                                + " proposals but opened " + tasks + " tasks");
                    }
                    proposals.put(clients, point);
                }
            }
            return new Figures(commands, proposals);
        }
    }

    /** One row of the floor's table: the floor against the raw inserts, and meshgov against the floor. */
    static List<String> row(int clients, double rawPerSecond, Point floor, double meshgovPerSecond) {
        return List.of(Integer.toString(clients), Report.number(rawPerSecond), Report.number(floor.perSecond()),
                Report.millis(floor.latencies().p50()) + " / " + Report.millis(floor.latencies().p99()),
                Report.millis(floor.cpuMillisPerOperation()), Report.millis(floor.postgresCpuMillisPerOperation()),
                Report.ratio(floor.perSecond() / rawPerSecond),
                Report.number(meshgovPerSecond), Report.number(meshgovPerSecond / floor.perSecond()));
    }

    static void table(Report report, String operation, List<List<String>> rows) {
        report.table(List.of("clients", "raw inserts/s", "stack floor " + operation + "s/s", "floor latency p50 / p99",
                "floor JVM CPU per " + operation, "PostgreSQL CPU per " + operation, "floor / raw",
                "meshgov " + operation + "s/s", "meshgov / floor"), rows);
    }

    private static StackFloor start(BenchConfig config, BenchDatabase database) throws IOException,
            InterruptedException {
        JdbcTemplate server = database.jdbc();
        server.execute("DROP DATABASE IF EXISTS " + DATABASE);
        server.execute("CREATE DATABASE " + DATABASE);
        String url = database.jdbcUrl().replaceFirst("/postgres$", "/" + DATABASE);
        int port = Engine.freePort();
        String classpath = config.floorClasses() + java.io.File.pathSeparator
                + Files.readString(config.floorClasspath()).trim();
        ChildJvm jvm = ChildJvm.start("stack floor", classpath, MAIN,
                Map.of("FLOOR_DB_URL", url, "FLOOR_PORT", Integer.toString(port)), List.of(),
                config.work().resolve("logs").resolve("stack-floor.log"));
        jvm.awaitReady(Duration.ofMinutes(5));
        return new StackFloor(jvm, new Http(port), new JdbcTemplate(
                new SingleConnectionDataSource(url, "postgres", "postgres", true)));
    }

    private Point point(BenchDatabase database, int clients, Duration duration, Load.Operation operation)
            throws Exception {
        BenchDatabase.Activity before = database.activity();
        long cpu = jvm.cpuMillis();
        Load.Result result = Load.closedLoop(clients, duration, operation);
        cpu = jvm.cpuMillis() - cpu;
        BenchDatabase.Activity cost = database.activity().minus(before);
        CommandPath.requireNoFailure(result);
        return new Point(result.operations(), result.perSecond(), result.latencies(),
                (double) cpu / result.operations(), (double) cost.postgresCpuMillis() / result.operations());
    }

    /** The body benchmark 1 sends the engine. */
    private boolean command(String run, int client, long sequence) throws Exception {
        String id = "floor-" + run + "-" + client + "-" + sequence;
        return http.post("admin", "/floor/commands", "application/json", """
                {"id":"%s","name":"Benchmark domain %s","description":"registered by the command-path benchmark",
                 "ownerGroup":"%s-owners","memberGroup":"%s-members"}""".formatted(id, id, id, id)).status() == 201;
    }

    /** What the engine's review process starts with, and the document benchmark 2 proposes. */
    private boolean proposal(String document, String run, int client, long sequence) throws Exception {
        String contractId = "floor-" + run + "-" + client + "-" + sequence;
        String body = Http.JSON.writeValueAsString(Map.ofEntries(
                Map.entry("contractId", contractId), Map.entry("version", "1.0.0"), Map.entry("revision", 1),
                Map.entry("domain", "orders"), Map.entry("proposer", "mike"),
                Map.entry("contentHash", "sha256:" + "0".repeat(64)), Map.entry("changeLevel", "MAJOR"),
                Map.entry("automaticApproval", false), Map.entry("requiresGovernanceReview", false),
                Map.entry("ownerReviewGroup", "orders-owners"), Map.entry("governanceGroup", "governance-reviewers"),
                Map.entry("reviewSla", "P3D"),
                Map.entry("changesSummary", "New contract " + contractId + " version 1.0.0 (first version)"),
                Map.entry("documentUrl", "http://localhost/api/contracts/" + contractId + "/versions/1.0.0/document"),
                Map.entry("policyWarnings", "none"), Map.entry("document", document)));
        return http.post("admin", "/floor/proposals", "application/json", body).status() == 202;
    }

    private long openTasks() {
        return jdbc.queryForObject("SELECT count(*) FROM act_ru_task", Long.class);
    }

    @Override
    public void close() throws IOException {
        jvm.close();
    }
}
