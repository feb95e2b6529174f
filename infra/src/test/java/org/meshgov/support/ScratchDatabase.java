package org.meshgov.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database of its own on the machine's PostgreSQL (127.0.0.1:5432, trust authentication),
 * for engines that run as external-database nodes; dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";
    private static final String MAINTENANCE_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/test";

    private final String name;
    private final JdbcTemplate jdbc;

    private ScratchDatabase(String name) {
        this.name = name;
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), USER, ""));
    }

    /**
     * These tests need the machine's PostgreSQL, which a plain clone with Java and Maven lacks: there
     * they are skipped, saying why. CI sets {@code MESHGOV_REQUIRE_EXTERNAL_POSTGRES=true}, so that a
     * server that is down fails the build instead of skipping them.
     */
    public static void assumeReachable() {
        boolean required = Boolean.parseBoolean(System.getenv("MESHGOV_REQUIRE_EXTERNAL_POSTGRES"));
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(MAINTENANCE_URL, USER, "")) {
            connection.isValid(3);
        } catch (SQLException unreachable) {
            if (required) {
                throw new IllegalStateException("no PostgreSQL at " + HOST + ":" + PORT, unreachable);
            }
            Assumptions.abort("needs a PostgreSQL at " + HOST + ":" + PORT + " with trust authentication: "
                    + unreachable.getMessage());
        }
    }

    public static ScratchDatabase create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        maintenance("CREATE DATABASE " + name);
        return new ScratchDatabase(name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** What a node needs to run on this database, in demo mode, with writes unthrottled for load tests. */
    public Map<String, String> engineEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("MESHGOV_DB_URL", url());
        environment.put("MESHGOV_DB_USER", USER);
        environment.put("MESHGOV_DB_PASSWORD", "");
        environment.put("MESHGOV_DB_POOL_SIZE", "8");
        environment.put("MESHGOV_DEMO", "true");
        environment.put("MESHGOV_RATE_LIMIT_ENABLED", "false");
        return environment;
    }

    @Override
    public void close() {
        maintenance("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void maintenance(String sql) {
        try (Connection connection = DriverManager.getConnection(MAINTENANCE_URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the PostgreSQL at " + HOST + ":" + PORT, e);
        }
    }
}
