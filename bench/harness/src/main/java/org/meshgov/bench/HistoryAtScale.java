package org.meshgov.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Benchmark 4: reads over the large log and the rebuilt catalog, one request at a time, each against
 * the plain SQL that fetches the same rows. Contracts are drawn at random from the synthetic ones;
 * an instant is the time of one of the contract's events, drawn at random.
 */
final class HistoryAtScale {

    private HistoryAtScale() {
    }

    interface Request {
        void send(int contract, String asOf) throws Exception;
    }

    static void run(BenchConfig config, BenchDatabase database, Engine engine, SyntheticHistory history,
                    int templateEvents, Report report) throws Exception {
        long events = database.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        long contracts = database.jdbc().queryForObject(
                "SELECT count(DISTINCT contract_id) FROM catalog_contract_version", Long.class);
        report.section("4", "4. History at scale: " + String.format("%,d", events) + " events, "
                + String.format("%,d", contracts) + " contracts");
        Http http = engine.http();
        DataSource pool = database.pool();
        List<List<String>> rows = new ArrayList<>();
        rows.add(measure(config, history, templateEvents, "`GET /api/audit/state/contract/{id}?asOf=`",
                (contract, asOf) -> http.get("audrey", "/api/audit/state/contract/"
                        + SyntheticHistory.contractId(contract) + "?asOf=" + asOf).expect(200),
                "the contract's events (`WHERE aggregateidentifier = ? ORDER BY sequencenumber`)",
                (contract, asOf) -> readAll(pool, "SELECT * FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber", "contract:" + SyntheticHistory.contractId(contract))));
        rows.add(measure(config, history, templateEvents, "`GET /api/contracts/{id}`",
                (contract, asOf) -> http.get("mia", "/api/contracts/" + SyntheticHistory.contractId(contract))
                        .expect(200),
                "the contract's catalog rows (`WHERE contract_id = ?`)",
                (contract, asOf) -> readAll(pool, "SELECT * FROM catalog_contract_version WHERE contract_id = ?",
                        SyntheticHistory.contractId(contract))));
        rows.add(measure(config, history, templateEvents, "`GET /api/contracts/{id}?asOf=`",
                (contract, asOf) -> http.get("mia", "/api/contracts/" + SyntheticHistory.contractId(contract)
                        + "?asOf=" + asOf).expect(200),
                "the contract's events",
                (contract, asOf) -> readAll(pool, "SELECT * FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber", "contract:" + SyntheticHistory.contractId(contract))));
        rows.add(measure(config, history, templateEvents, "`GET /api/contracts?q=` (10 contracts match)",
                (contract, asOf) -> http.get("mia", "/api/contracts?q=" + searchTerm(contract)).expect(200),
                "the same filter in plain SQL (`ILIKE` on id, name, description, property names)",
                (contract, asOf) -> readAll(pool, """
                        SELECT contract_id, version, status, name, description FROM catalog_contract_version
                        WHERE contract_id ILIKE ? OR name ILIKE ? OR description ILIKE ? OR property_names ILIKE ?""",
                        "%" + searchTerm(contract) + "%", "%" + searchTerm(contract) + "%",
                        "%" + searchTerm(contract) + "%", "%" + searchTerm(contract) + "%")));
        report.paragraph(config.samples() + " requests per endpoint, one at a time after " + config.samples() / 10
                + " unmeasured ones, each for a contract drawn at random from the " + String.format("%,d", contracts)
                + "; the baseline runs the plain SQL for the same contract over JDBC and reads every column. "
                + "The issue sets no target here; the ratio says how many times the baseline's p99 the endpoint's is.");
        report.table(List.of("endpoint", "p50", "p99", "max", "baseline (same rows, plain SQL)", "baseline p50",
                "baseline p99", "p99 ÷ baseline p99"), rows);
        report.loadAfter();
    }

    /** Ten contracts share every id prefix one digit short of a full id. */
    private static String searchTerm(int contract) {
        String id = SyntheticHistory.contractId(contract);
        return id.substring(0, id.length() - 1);
    }

    private static List<String> measure(BenchConfig config, SyntheticHistory history, int templateEvents,
                                        String endpoint, Request request, String baselineName, Request baseline)
            throws Exception {
        Latencies api = new Latencies();
        Latencies raw = new Latencies();
        Random random = new Random(42);
        int warmup = config.samples() / 10;
        for (int i = 0; i < warmup + config.samples(); i++) {
            int contract = random.nextInt(config.contracts());
            String asOf = URLEncoder.encode(history.timestamp(contract, random.nextInt(templateEvents)).toString(),
                    StandardCharsets.UTF_8);
            long before = System.nanoTime();
            request.send(contract, asOf);
            long between = System.nanoTime();
            baseline.send(contract, asOf);
            long after = System.nanoTime();
            if (i >= warmup) {
                api.add(between - before);
                raw.add(after - between);
            }
        }
        System.out.printf("[4] %s: p50 %.1f ms, p99 %.1f ms; baseline p99 %.1f ms%n", endpoint, api.p50(), api.p99(),
                raw.p99());
        return List.of(endpoint, Report.millis(api.p50()), Report.millis(api.p99()), Report.millis(api.max()),
                baselineName, Report.millis(raw.p50()), Report.millis(raw.p99()),
                Report.number(api.p99() / raw.p99()));
    }

    private static void readAll(DataSource pool, String sql, Object... arguments) throws Exception {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                select.setObject(i + 1, arguments[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    for (int column = 1; column <= columns; column++) {
                        row.getObject(column);
                    }
                }
            }
        }
    }
}
