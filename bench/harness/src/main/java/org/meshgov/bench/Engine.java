package org.meshgov.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** meshgov in demo mode, in its own JVM with the engine's own classpath (the harness's, less the harness). */
final class Engine implements AutoCloseable {

    static final String MAIN = "org.meshgov.MeshgovApplication";

    /** Users the benchmarks write as: a pipeline-sized write limit instead of the default 20 a second. */
    private static final List<String> WRITERS = List.of("admin", "mike", "olivia");

    private final ChildJvm jvm;
    private final Http http;
    private final Duration bootTime;

    private Engine(ChildJvm jvm, Http http, Duration bootTime) {
        this.jvm = jvm;
        this.http = http;
        this.bootTime = bootTime;
    }

    /** Against the benchmark database, as one node of a deployment with an external PostgreSQL. */
    static Engine startOn(BenchConfig config, BenchDatabase database, String logName)
            throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        environment.put("MESHGOV_DB_URL", database.jdbcUrl());
        environment.put("MESHGOV_DB_USER", "postgres");
        environment.put("MESHGOV_DB_PASSWORD", "postgres");
        return start(config, environment, logName);
    }

    /** The default installation: its own embedded PostgreSQL in {@code dataDirectory}. */
    static Engine startEmbedded(BenchConfig config, Path dataDirectory, String logName)
            throws IOException, InterruptedException {
        return start(config, Map.of("MESHGOV_DATA_DIR", dataDirectory.toString()), logName);
    }

    private static Engine start(BenchConfig config, Map<String, String> database, String logName)
            throws IOException, InterruptedException {
        int port = freePort();
        Map<String, String> environment = new HashMap<>(database);
        environment.put("MESHGOV_DEMO", "true");
        environment.put("MESHGOV_PORT", Integer.toString(port));
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        List<String> arguments = new ArrayList<>();
        for (String writer : WRITERS) {
            arguments.add("--meshgov.rate-limit.users." + writer + "=1000000");
        }
        ChildJvm jvm = ChildJvm.start("meshgov", classpath(config), MAIN, environment, arguments,
                config.work().resolve("logs").resolve(logName + ".log"));
        Duration bootTime = jvm.awaitReady(Duration.ofMinutes(5));
        return new Engine(jvm, new Http(port), bootTime);
    }

    /** The harness's classpath is the engine's plus the harness's own classes, which the engine must not scan. */
    static String classpath(BenchConfig config) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(config.harnessClasses()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Http http() {
        return http;
    }

    Duration bootTime() {
        return bootTime;
    }

    ChildJvm jvm() {
        return jvm;
    }

    @Override
    public void close() throws IOException {
        jvm.close();
    }
}
