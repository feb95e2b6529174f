package org.meshgov.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine as production runs it: {@code org.meshgov.MeshgovApplication} in a JVM of its own, on a
 * port of its own, configured by environment variables only. A test can start it, wait until it
 * accepts traffic, kill it with -9, stop it with SIGTERM and start it again on the same port. Its
 * output goes to {@code target/engine-nodes/<name>.log}, kept across restarts.
 */
public final class EngineNode implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
    // the engine's own defaults, but a smaller heap and a JIT that starts faster: boots share two cores
    private static final List<String> JVM_OPTIONS = List.of("-Xmx640m", "-XX:TieredStopAtLevel=1");
    private static final String HOST = ManagementFactory.getRuntimeMXBean().getName().split("@", 2)[1];

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private Duration lastBoot;

    private EngineNode(String name, int port, Map<String, String> environment, Path log) {
        this.name = name;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** Starts a node and returns once it accepts traffic. */
    public static EngineNode start(String name, Map<String, String> environment) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "engine-nodes"));
            EngineNode node = new EngineNode(name, freePort(), environment, directory.resolve(name + ".log"));
            Files.deleteIfExists(node.log);
            node.launch();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the node again, on the same port and configuration, after a kill or a stop. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    public Api api() {
        return new Api(port);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** From launching the JVM to accepting traffic, for the last start. */
    public Duration lastBoot() {
        return lastBoot;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** How Axon's token store names the node that holds a segment: its JVM's {@code pid@host}. */
    public String tokenOwner() {
        return process.pid() + "@" + HOST;
    }

    /** {@code kill -9}: no shutdown hook, no connection closed, no claim released. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the engine's graceful shutdown. */
    public void stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            kill();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.meshgov.MeshgovApplication",
                "--server.port=" + port));
        Instant launched = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        lastBoot = Duration.between(launched, Instant.now());
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        Api api = api();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; "
                        + "see " + log.toAbsolutePath());
            }
            try {
                if (api.get(null, "/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // the port opens late in the boot
            }
            sleep(Duration.ofMillis(500));
        }
        kill();
        throw new IllegalStateException(name + " was not ready within " + BOOT_TIMEOUT + "; see " + log.toAbsolutePath());
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
