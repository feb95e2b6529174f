package org.meshgov.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshgov.infra.audit.Verification;
import org.meshgov.infra.audit.VerifyDatabase;
import org.meshgov.support.Api;
import org.meshgov.support.EngineNode;
import org.meshgov.support.Examples;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The default database keeps its data across restarts, also when the engine before was killed or the
 * database itself was killed under a running engine, and a copy of its stopped data directory is a
 * complete backup.
 */
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

    /**
     * A postmaster killed with -9 is a zombie until init reaps it, and PostgreSQL will not start while
     * the PID in its lock file exists: an engine restarted at once waits for the reaping.
     */
    @Test
    void aDatabaseWhoseKilledPostmasterIsNotReapedYetStartsOnceItIs() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDirectory, 0, true)) {
            execute(first, "CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('evidence')");
        }
        // the background sleep exits at once and stays a zombie until its parent, which never waits, exits
        Process parent = new ProcessBuilder("bash", "-c", "sleep 0.1 & exec sleep 4").start();
        Thread.sleep(500);
        long zombie = parent.toHandle().children().findFirst().orElseThrow().pid();
        assertThat(ProcessHandle.of(zombie).map(p -> p.isAlive() && p.info().command().isEmpty()))
                .as("a zombie").contains(true);
        List<String> lockFile = new ArrayList<>(List.of(Long.toString(zombie), dataDirectory.toString()));
        Files.write(dataDirectory.resolve("postmaster.pid"), lockFile);

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDirectory, 0, true)) {
            assertThat(query(second, "SELECT value FROM kept")).isEqualTo("evidence");
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

    /**
     * kill -9 of the embedded PostgreSQL while proposals stream in: the engine started again on the
     * same data directory has every proposal it accepted, each with exactly one process and one
     * review task, and goes on with them. Then, stopped cleanly, a copy of its data directory is a
     * backup that verifies on its own (the README's procedure for the embedded database).
     */
    @Test
    void anEngineWhoseDatabaseWasKilledLosesNothingAndDoesNothingTwiceAndItsStoppedDataIsABackup()
            throws Exception {
        Path data = dataDirectory.resolve("engine");
        int databasePort = EngineNode.freePort();
        String run = Long.toString(System.nanoTime(), 36);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (EngineNode engine = EngineNode.start("embedded-database", Map.of("MESHGOV_DATA_DIR", data.toString(),
                "MESHGOV_EMBEDDED_DB_PORT", Integer.toString(databasePort), "MESHGOV_DEMO", "true",
                "MESHGOV_RATE_LIMIT_ENABLED", "false"))) {
            Api api = engine.api();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int client = 0; client < 3; client++) {
                String prefix = "crash-" + run + "-" + client + "-";
                clients.add(CompletableFuture.runAsync(() -> proposeUntilRefused(api, prefix, accepted)));
            }
            while (accepted.size() < 6) {
                Thread.sleep(100);
            }
            long postgres = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(postgres).orElseThrow().destroyForcibly();
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
            int acceptedBeforeTheCrash = accepted.size();

            // without its database the engine is of no use: the operator restarts it, as after any crash
            engine.kill();
            engine.restart();
            System.out.printf("[embedded crash] %d proposals accepted before kill -9 of PostgreSQL; restart %d ms%n",
                    acceptedBeforeTheCrash, engine.lastBoot().toMillis());

            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                    "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "postgres"));
            String cases = "crash-" + run + "-%";
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (count(jdbc, "SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                    + "WHERE e.business_key_ LIKE ?", cases) < acceptedBeforeTheCrash) {
                assertThat(System.nanoTime()).as("review tasks of the accepted proposals").isLessThan(deadline);
                Thread.sleep(250);
            }
            for (String contractId : accepted) {
                assertThat(count(jdbc, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                        "contract:" + contractId)).as(contractId).isEqualTo(1);
            }
            // a proposal whose answer the crash swallowed may be stored too, but then once, with one process
            long proposals = count(jdbc, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                    "contract:" + cases);
            assertThat(count(jdbc, "SELECT count(*) FROM workflow_case WHERE case_key LIKE ?",
                    "contract-review/" + cases)).isEqualTo(proposals);
            assertThat(count(jdbc, "SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE ?", cases))
                    .isEqualTo(proposals);
            assertThat(count(jdbc, "SELECT count(*) FROM act_hi_taskinst t JOIN act_hi_procinst p "
                    + "ON p.id_ = t.proc_inst_id_ WHERE p.business_key_ LIKE ?", cases)).isEqualTo(proposals);

            String contractId = accepted.iterator().next();
            String taskId = api.get("olivia", "/engine-rest/task?processInstanceBusinessKey=" + contractId + ":1.0.0")
                    .json().get(0).path("id").asText();
            assertThat(api.post("olivia", "/engine-rest/task/" + taskId + "/complete", "application/json", """
                    {"variables":{"decision":{"value":"approve"},"comment":{"value":"fine"}}}""").status())
                    .isEqualTo(204);
            assertThat(api.get("audrey", "/api/audit/verify").json().path("verified").asBoolean()).isTrue();
            engine.stop();
        }

        Path backup = dataDirectory.resolve("backup");
        FileSystemUtils.copyRecursively(data, backup);
        try (EmbeddedPostgresServer copy = EmbeddedPostgresServer.start(backup, 0, true)) {
            Verification verified = VerifyDatabase.verify(copy.jdbcUrl(), "postgres", "postgres");
            assertThat(verified.firstBroken()).isNull();
            assertThat(Long.parseLong(query(copy, "SELECT count(*) FROM domainevententry")))
                    .isEqualTo(verified.verified());
            for (String contractId : accepted) {
                assertThat(query(copy, "SELECT count(*) FROM workflow_case WHERE case_key = 'contract-review/"
                        + contractId + ":1.0.0'")).isEqualTo("1");
            }
        }
    }

    /** Proposes one contract after another until the engine answers with an error or not at all. */
    private static void proposeUntilRefused(Api api, String prefix, Set<String> accepted) {
        for (int n = 0; n < 200; n++) {
            String contractId = prefix + n;
            try {
                Api.Reply reply = api.post("mike", "/api/contracts", "application/yaml",
                        Examples.ordersContract("orders-v1.0.0.yaml", contractId));
                if (reply.status() != 202) {
                    return;
                }
                accepted.add(contractId);
            } catch (UncheckedIOException down) {
                return;
            }
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }
}
