package org.meshgov.infra.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 that the engine runs on when no external database is configured. Its data
 * directory survives restarts; Spring closes it after Camunda and the pool, never a JVM hook.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanOf(dataDirectory);
        ownerOnly(dataDirectory);
        String onOrOff = durable ? "on" : "off";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("fsync", onOrOff)
                .setServerConfig("synchronous_commit", onOrOff)
                .setServerConfig("full_page_writes", onOrOff)
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {} (fsync {})", postgres.getPort(),
                dataDirectory.toAbsolutePath(), onOrOff);
        return new EmbeddedPostgresServer(postgres);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A data directory restored from a backup copy usually arrives readable by everyone, and
     * PostgreSQL refuses to start on that; initdb sets the same mode on a new one.
     */
    private static void ownerOnly(Path dataDirectory) throws IOException {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * A JVM killed with -9 leaves its PostgreSQL running with the data directory locked; stop that
     * orphan so this start can take the directory over.
     */
    /**
     * A postmaster killed with -9 stays a zombie until its parent (init, once the engine that
     * started it is gone too) reaps it, and PostgreSQL refuses to start while the PID in its lock
     * file exists. An engine restarted at once after such a crash waits for the reaping.
     */
    private static void awaitReaped(ProcessHandle killed) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (killed.isAlive() && killed.info().command().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (killed.isAlive()) {
            log.warn("PID {} of the last PostgreSQL on this data directory still exists; starting anyway", killed.pid());
        }
    }

    private static void stopOrphanOf(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> recorded = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive);
        if (recorded.isPresent() && recorded.get().info().command().isEmpty()) {
            awaitReaped(recorded.get());
        }
        Optional<ProcessHandle> orphan = recorded
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Stopping PostgreSQL {} left running on {} by an earlier engine", process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            process.destroyForcibly();
        }
    }
}
