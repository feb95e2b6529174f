package org.meshgov.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An application in a JVM of its own, as it runs in production: its own heap, JIT and GC, so that
 * neither the harness nor the other application is measured with it. Its output goes to a log file;
 * it is ready when it prints the line Spring Boot logs when it starts accepting traffic.
 */
final class ChildJvm implements AutoCloseable {

    /** Logged by Spring Boot's ApplicationAvailabilityBean after every runner has run (needs its DEBUG level). */
    static final String READY_MARKER = "ReadinessState changed to ACCEPTING_TRAFFIC";
    static final String READY_LOGGING = "--logging.level.org.springframework.boot.availability=DEBUG";

    private final String name;
    private final Process process;
    private final long launchedAt;
    private final Path log;
    private final CompletableFuture<Long> ready = new CompletableFuture<>();

    private ChildJvm(String name, Process process, long launchedAt, Path log) {
        this.name = name;
        this.process = process;
        this.launchedAt = launchedAt;
        this.log = log;
    }

    static ChildJvm start(String name, String classpath, String mainClass, Map<String, String> environment,
                          List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // For profiling a run, e.g. -Dbench.jvm-options=-XX:StartFlightRecording=filename=engine.jfr
        String options = System.getProperty("bench.jvm-options", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(arguments);
        command.add(READY_LOGGING);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        long launchedAt = System.nanoTime();
        ChildJvm child = new ChildJvm(name, builder.start(), launchedAt, log);
        child.copyOutput();
        return child;
    }

    private void copyOutput() throws IOException {
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread copier = new Thread(() -> {
            try (out; BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!ready.isDone() && line.contains(READY_MARKER)) {
                        ready.complete(System.nanoTime());
                    }
                    out.write(line);
                    out.write('\n');
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready; see " + log));
        }, name + "-output");
        copier.setDaemon(true);
        copier.start();
    }

    /** From the launch of the JVM to the readiness line. */
    Duration awaitReady(Duration timeout) throws InterruptedException, IOException {
        try {
            return Duration.ofNanos(ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS) - launchedAt);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException(name + " did not become ready within " + timeout + "; see " + log, e);
        }
    }

    /** CPU time the JVM has used so far, all its threads (JIT and GC included). */
    long cpuMillis() {
        return Cpu.millis(process.pid());
    }

    /** Resident memory of the JVM itself. */
    long residentKilobytes() {
        return statusField(process.pid(), "VmRSS:");
    }

    /**
     * Proportional memory of the PostgreSQL this JVM runs on in {@code dataDirectory}; proportional,
     * because its processes share their buffers and summing resident sizes would count the buffers
     * once per process.
     */
    static long postgresProportionalKilobytes(Path dataDirectory) {
        return Cpu.postgres(dataDirectory).mapToLong(p -> rollupField(p.pid(), "Pss:")).sum();
    }

    @Override
    public void close() throws IOException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long statusField(long pid, String field) {
        return kilobytes(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    private static long rollupField(long pid, String field) {
        return kilobytes(Path.of("/proc", Long.toString(pid), "smaps_rollup"), field);
    }

    private static long kilobytes(Path file, String field) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            // the process ended between listing and reading
            return 0;
        }
    }
}
