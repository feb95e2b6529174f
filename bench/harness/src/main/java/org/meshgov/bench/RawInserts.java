package org.meshgov.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The baseline for every write path: single-row inserts of the same bytes, one transaction each,
 * from as many clients as the path is driven with, into a table of the same database.
 */
final class RawInserts {

    private RawInserts() {
    }

    static Load.Result run(DataSource pool, int clients, byte[] payload, Duration duration)
            throws SQLException, InterruptedException {
        try (Connection setup = pool.getConnection()) {
            setup.setAutoCommit(true);
            setup.createStatement().execute(
                    "CREATE TABLE IF NOT EXISTS bench_raw_insert (id BIGSERIAL PRIMARY KEY, payload BYTEA NOT NULL)");
        }
        Connection[] connections = new Connection[clients];
        PreparedStatement[] inserts = new PreparedStatement[clients];
        try {
            for (int i = 0; i < clients; i++) {
                connections[i] = pool.getConnection();
                connections[i].setAutoCommit(true);
                inserts[i] = connections[i].prepareStatement("INSERT INTO bench_raw_insert (payload) VALUES (?)");
            }
            return Load.closedLoop(clients, duration, (client, sequence) -> {
                inserts[client].setBytes(1, payload);
                return inserts[client].executeUpdate() == 1;
            });
        } finally {
            for (Connection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }
}
