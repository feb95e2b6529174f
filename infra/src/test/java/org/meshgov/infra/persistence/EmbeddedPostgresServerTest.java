package org.meshgov.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default database keeps its data across restarts, also when the engine before was killed. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDirectory;

    static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDirectory, 0, true)) {
            execute(first, "CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('evidence')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDirectory, 0, true)) {
            assertThat(query(second, "SELECT value FROM kept")).isEqualTo("evidence");
        }
    }

    @Test
    void theEnginesOwnDatabaseRunsWithFsyncOn() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0, true)) {
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
            assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aDatabaseLeftRunningByAKilledEngineIsTakenOver() throws Exception {
        Process engine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngineThatWillBeKilled.class.getName(),
                dataDirectory.toString()).redirectErrorStream(true).start();
        String ready;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(engine.getInputStream()))) {
            do {
                ready = output.readLine();
            } while (ready != null && !ready.startsWith("READY "));
        }
        assertThat(ready).as("the engine JVM started its database").isNotNull();
        int port = Integer.parseInt(ready.substring("READY ".length()).trim());
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('before the crash')");
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());

        engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("PostgreSQL outlives its JVM")
                .contains(true);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDirectory, 0, true)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(query(restarted, "SELECT value FROM kept")).isEqualTo("before the crash");
        }
    }
}
