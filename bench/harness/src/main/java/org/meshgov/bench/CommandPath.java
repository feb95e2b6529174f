package org.meshgov.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 1: a simple command over HTTP (a platform admin registers a domain: authentication, the
 * rights check, one event appended through the hash chain, the domain directory updated in the same
 * transaction) from 1, 4 and 16 clients, against single-row inserts of the event's bytes from as many
 * clients.
 */
final class CommandPath {

    static final double TARGET = 1.0 / 3;

    private CommandPath() {
    }

    static void run(BenchConfig config, BenchDatabase database, Engine engine, StackFloor.Figures floor, Report report)
            throws Exception {
        report.section("1", "1. Command path: register a domain over HTTP vs raw single-row inserts");
        // the first requests of a fresh JVM are interpreted code; neither side is measured cold
        Load.Result warmup = Load.closedLoop(4, config.warmup(), (client, sequence) -> register(engine, "warm", client,
                sequence));
        requireNoFailure(warmup);
        database.awaitProcessorsCaughtUp(java.time.Duration.ofMinutes(10));
        byte[] payload = storedEventBytes(database.jdbc());
        RawInserts.run(database.pool(), 4, payload, config.measure());

        List<List<String>> rows = new ArrayList<>();
        List<List<String>> floorRows = new ArrayList<>();
        for (int clients : config.concurrency()) {
            BenchDatabase.Activity beforeRaw = database.activity();
            Load.Result raw = RawInserts.run(database.pool(), clients, payload, config.measure());
            BenchDatabase.Activity rawCost = database.activity().minus(beforeRaw);
            BenchDatabase.Activity before = database.activity();
            long engineCpu = engine.jvm().cpuMillis();
            Load.Result commands = Load.closedLoop(clients, config.measure(),
                    (client, sequence) -> register(engine, "c" + clients, client, sequence));
            // what the command left to the event processors is part of its cost
            database.awaitProcessorsCaughtUp(java.time.Duration.ofMinutes(10));
            engineCpu = engine.jvm().cpuMillis() - engineCpu;
            BenchDatabase.Activity cost = database.activity().minus(before);
            requireNoFailure(commands);
            double ratio = commands.perSecond() / raw.perSecond();
            rows.add(List.of(Integer.toString(clients), Report.number(commands.perSecond()),
                    Report.millis(commands.latencies().p50()) + " / " + Report.millis(commands.latencies().p99()),
                    Report.millis((double) engineCpu / commands.operations()),
                    Report.millis((double) cost.postgresCpuMillis() / commands.operations()),
                    Report.number((double) cost.commits() / commands.operations()),
                    Report.number((double) cost.walBytes() / commands.operations()),
                    Report.number(raw.perSecond()),
                    Report.millis(raw.latencies().p50()) + " / " + Report.millis(raw.latencies().p99()),
                    Report.millis((double) rawCost.postgresCpuMillis() / raw.operations()),
                    Report.number((double) rawCost.commits() / raw.operations()),
                    Report.ratio(ratio), Report.verdict(ratio >= TARGET)));
            StackFloor.Point floorPoint = floor.commands().get(clients);
            if (floorPoint != null) {
                floorRows.add(StackFloor.row(clients, raw.perSecond(), floorPoint, commands.perSecond()));
            }
            System.out.printf("[1] %d clients: %.0f commands/s, raw %.0f inserts/s, stack floor %.0f/s%n", clients,
                    commands.perSecond(), raw.perSecond(), floorPoint == null ? Double.NaN : floorPoint.perSecond());
        }
        report.paragraph("Each figure is " + config.measure().toSeconds() + " s of closed-loop load per side, after "
                + config.warmup().toSeconds() + " s of commands from 4 clients to warm the engine's JVM up (a fresh JVM "
                + "spends its first minutes compiling the hot paths, which would be counted as the commands' CPU) and "
                + "until every event processor has caught up with the log; the CPU, commits and WAL per command "
                + "include the event processors' work on the command's events, counted until they are caught up; "
                + "the raw side inserts the stored event's payload and metadata (" + payload.length
                + " bytes) into `bench_raw_insert (id bigserial, payload bytea)`, one autocommit insert per "
                + "operation. CPU per operation is the engine JVM's and PostgreSQL's CPU time (from `/proc`) over "
                + "the run divided by the operations; commits (read-only ones included) and WAL per operation come "
                + "from `pg_stat_database` and the WAL position. All of them include what the engine does in the "
                + "background meanwhile (event processors, job executor). Target: commands/s ≥ 1/3 of raw inserts/s.");
        report.table(List.of("clients", "commands/s", "latency p50 / p99", "engine CPU per command",
                "PostgreSQL CPU per command", "commits per command", "WAL bytes per command", "raw inserts/s",
                "raw latency p50 / p99", "PostgreSQL CPU per insert", "commits per insert", "ratio", "target ≥ 1/3"),
                rows);
        if (!floorRows.isEmpty()) {
            report.paragraph("**The stack's floor** (`bench/stack-floor`, measured before the engine started, on the same "
                    + "PostgreSQL in a database of its own, after " + config.warmup().dividedBy(2).toSeconds() + " s "
                    + "of warm-up): the engine's frameworks — Tomcat, Spring Security with HTTP Basic (the password "
                    + "compared in plain), Spring MVC and Jackson, a Hikari pool of 20 and Spring's transaction "
                    + "manager — receiving the same request, whose whole work is one transactional insert of its "
                    + "JSON and a 201. Nothing of meshgov: no rights, no aggregate, no hash chain, no projection. A "
                    + "command on this stack cannot cost less than this, so its ratio to the raw inserts bounds what "
                    + "any implementation of benchmark 1 can reach here.");
            StackFloor.table(report, "command", floorRows);
        }
        report.loadAfter();
    }

    private static boolean register(Engine engine, String run, int client, long sequence) throws Exception {
        String id = "bench-" + run + "-" + client + "-" + sequence;
        return engine.http().post("admin", "/api/domains", "application/json", """
                {"id":"%s","name":"Benchmark domain %s","description":"registered by the command-path benchmark",
                 "ownerGroup":"%s-owners","memberGroup":"%s-members"}""".formatted(id, id, id, id)).status() == 201;
    }

    /** What the raw side inserts: the bytes of one stored domain event, payload and metadata. */
    private static byte[] storedEventBytes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT payload || coalesce(metadata, ''::bytea) FROM domainevententry
                WHERE payloadtype = 'org.meshgov.domain.DomainRegisteredEvent'
                  AND aggregateidentifier LIKE 'domain:bench-%'
                ORDER BY globalindex DESC LIMIT 1""", byte[].class);
    }

    static void requireNoFailure(Load.Result result) {
        if (result.failures() > 0) {
            throw new IllegalStateException(result.failures() + " operations failed; first: " + result.firstFailure());
        }
    }
}
