package org.meshgov.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 6: from the launch of the JVM to ready (Spring Boot's readiness line, after every startup
 * runner), and memory once it has settled, for meshgov in demo mode on its own embedded PostgreSQL and
 * for the bare Camunda application of module {@code camunda-baseline} on its own. Both start from an
 * empty data directory (initdb, schema, seeding) and again on the data they left, alternating.
 */
final class BootTime {

    static final double TARGET = 1.3;
    static final String BASELINE_MAIN = "org.meshgov.bench.baseline.BareCamundaApplication";
    static final Duration SETTLE = Duration.ofSeconds(5);

    private BootTime() {
    }

    record Boot(Duration ready, long jvmKilobytes, long postgresKilobytes) {
    }

    static void run(BenchConfig config, Report report) throws Exception {
        report.section("6", "6. Boot to ready and memory after boot: meshgov (demo mode) vs bare Camunda 7.24");
        Path root = config.work().resolve("boot");
        BenchDatabase.deleteRecursively(root);
        List<Boot> meshgovFresh = new ArrayList<>();
        List<Boot> meshgovRestart = new ArrayList<>();
        List<Boot> camundaFresh = new ArrayList<>();
        List<Boot> camundaRestart = new ArrayList<>();
        for (int round = 1; round <= config.bootRounds(); round++) {
            Path meshgovData = root.resolve("meshgov-" + round);
            Path camundaData = root.resolve("camunda-" + round);
            meshgovFresh.add(meshgov(config, meshgovData, "boot-meshgov-" + round + "-fresh"));
            camundaFresh.add(camunda(config, camundaData, "boot-camunda-" + round + "-fresh"));
            meshgovRestart.add(meshgov(config, meshgovData, "boot-meshgov-" + round + "-restart"));
            camundaRestart.add(camunda(config, camundaData, "boot-camunda-" + round + "-restart"));
            System.out.printf("[6] round %d: meshgov %s / %s, camunda %s / %s%n", round,
                    meshgovFresh.get(round - 1).ready(), meshgovRestart.get(round - 1).ready(),
                    camundaFresh.get(round - 1).ready(), camundaRestart.get(round - 1).ready());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("empty data directory", meshgovFresh, camundaFresh));
        rows.add(row("restart on its data", meshgovRestart, camundaRestart));
        report.paragraph("Medians of " + config.bootRounds() + " boots each, alternating the two applications; "
                + "every boot in its own JVM with default JVM options and the same kind of classpath (classes and "
                + "jars, no fat jar), each on its own embedded PostgreSQL 17 with fsync on. Ready is the line "
                + "Spring Boot logs when readiness turns to ACCEPTING_TRAFFIC (after meshgov's demo seeding); "
                + "memory is read " + SETTLE.toSeconds() + " s later: the JVM's resident set, and the "
                + "proportional set of its PostgreSQL processes. Each boot's times: meshgov "
                + times(meshgovFresh) + " (empty) and " + times(meshgovRestart) + " (restart); Camunda "
                + times(camundaFresh) + " and " + times(camundaRestart) + ". Target: meshgov ≤ 1.3 × Camunda.");
        report.table(List.of("start", "meshgov ready", "Camunda ready", "ratio", "target ≤ 1.3×",
                "meshgov JVM RSS", "Camunda JVM RSS", "meshgov PostgreSQL PSS", "Camunda PostgreSQL PSS"), rows);
        report.loadAfter();
    }

    private static List<String> row(String start, List<Boot> meshgov, List<Boot> camunda) {
        Boot m = median(meshgov);
        Boot c = median(camunda);
        double ratio = (double) m.ready().toMillis() / c.ready().toMillis();
        return List.of(start, seconds(m.ready()), seconds(c.ready()), Report.number(ratio) + "×",
                Report.verdict(ratio <= TARGET), megabytes(m.jvmKilobytes()), megabytes(c.jvmKilobytes()),
                megabytes(m.postgresKilobytes()), megabytes(c.postgresKilobytes()));
    }

    private static Boot meshgov(BenchConfig config, Path data, String log) throws Exception {
        try (Engine engine = Engine.startEmbedded(config, data, log)) {
            Thread.sleep(SETTLE.toMillis());
            engine.http().get(null, "/camunda/app/tasklist/default/").expect(200);
            return new Boot(engine.bootTime(), engine.jvm().residentKilobytes(),
                    ChildJvm.postgresProportionalKilobytes(data));
        }
    }

    private static Boot camunda(BenchConfig config, Path data, String log) throws Exception {
        int port = Engine.freePort();
        String classpath = config.baselineClasses() + File.pathSeparator
                + Files.readString(config.baselineClasspath()).trim();
        try (ChildJvm jvm = ChildJvm.start("camunda", classpath, BASELINE_MAIN,
                Map.of("BASELINE_DATA_DIR", data.toString(), "BASELINE_PORT", Integer.toString(port)), List.of(),
                config.work().resolve("logs").resolve(log + ".log"))) {
            Duration ready = jvm.awaitReady(Duration.ofMinutes(5));
            Thread.sleep(SETTLE.toMillis());
            new Http(port).get(null, "/camunda/app/tasklist/default/").expect(200);
            return new Boot(ready, jvm.residentKilobytes(), ChildJvm.postgresProportionalKilobytes(data));
        }
    }

    /** The boot with the median time, whose memory is reported with it. */
    private static Boot median(List<Boot> boots) {
        List<Boot> sorted = boots.stream().sorted(Comparator.comparing(Boot::ready)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String times(List<Boot> boots) {
        return String.join(", ", boots.stream().map(boot -> seconds(boot.ready())).toList());
    }

    private static String seconds(Duration duration) {
        return Report.number(duration.toMillis() / 1000.0) + " s";
    }

    private static String megabytes(long kilobytes) {
        return Report.number(kilobytes / 1024.0) + " MB";
    }
}
