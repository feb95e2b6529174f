package org.meshgov.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.meshgov.infra.persistence.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one PostgreSQL every throughput figure and its baseline run on: the engine's own embedded
 * PostgreSQL 17, started by the engine's own code with the engine's durable settings (fsync,
 * synchronous commit and full-page writes on), in a fresh data directory. The engine reaches it as an
 * external database, so the data outlives engine restarts within the run.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgresServer server;
    private final HikariDataSource pool;
    private final Path directory;

    private BenchDatabase(EmbeddedPostgresServer server, HikariDataSource pool, Path directory) {
        this.server = server;
        this.pool = pool;
        this.directory = directory;
    }

    static BenchDatabase start(Path directory) throws IOException {
        deleteRecursively(directory);
        return open(directory);
    }

    /** The database a previous run left in {@code directory}, as it left it. */
    static BenchDatabase reopen(Path directory) throws IOException {
        return open(directory);
    }

    private static BenchDatabase open(Path directory) throws IOException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, true);
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench");
        // batched appends of the synthetic history become multi-row inserts
        config.setJdbcUrl(server.jdbcUrl() + "?reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(24);
        return new BenchDatabase(server, new HikariDataSource(config), directory);
    }

    String jdbcUrl() {
        return server.jdbcUrl();
    }

    HikariDataSource pool() {
        return pool;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(pool);
    }

    String describe() {
        JdbcTemplate jdbc = jdbc();
        return jdbc.queryForObject("SELECT version()", String.class).replaceAll(",.*", "")
                + " (embedded, zonky binaries 17.6.0), fsync=" + setting(jdbc, "fsync")
                + ", synchronous_commit=" + setting(jdbc, "synchronous_commit")
                + ", full_page_writes=" + setting(jdbc, "full_page_writes")
                + ", shared_buffers=" + setting(jdbc, "shared_buffers");
    }

    private static String setting(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("SELECT current_setting(?)", String.class, name);
    }

    /** Transactions committed, WAL written and PostgreSQL's CPU so far, to count what one operation costs. */
    record Activity(long commits, long walBytes, long postgresCpuMillis) {
        Activity minus(Activity before) {
            return new Activity(commits - before.commits, walBytes - before.walBytes,
                    postgresCpuMillis - before.postgresCpuMillis);
        }
    }

    Activity activity() throws InterruptedException {
        // backends report their counters to the statistics at most once a second
        Thread.sleep(1_500);
        JdbcTemplate jdbc = jdbc();
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        Long commits = jdbc.queryForObject("SELECT sum(xact_commit) FROM pg_stat_database", Long.class);
        Long wal = jdbc.queryForObject("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn", Long.class);
        return new Activity(commits, wal, postgresCpuMillis());
    }

    /**
     * Waits until every event processor has handled the whole log, so that what a measurement
     * counts per operation is that operation's work, not a backlog the warm-up left behind.
     */
    void awaitProcessorsCaughtUp(java.time.Duration timeout) throws InterruptedException {
        JdbcTemplate jdbc = jdbc();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long behind = jdbc.queryForObject("""
                    SELECT count(*) FROM tokenentry
                    WHERE token IS NULL OR (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint
                          < (SELECT coalesce(max(globalindex), 0) FROM domainevententry)""", Long.class);
            if (behind == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("event processors still behind the log after " + timeout);
    }

    long postgresCpuMillis() {
        return Cpu.postgresMillis(directory);
    }

    @Override
    public void close() throws IOException {
        pool.close();
        server.close();
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
