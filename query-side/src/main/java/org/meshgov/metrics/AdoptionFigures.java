package org.meshgov.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the mesh has spread: registered domains, contracts with a live published version, and the
 * consumer domains holding grants on each, at the end of the window and at the end of each week.
 */
public class AdoptionFigures {

    public record ContractConsumers(String contractId, String domain, int consumers) {
    }

    /** {@code consumers}: consumer domains summed over contracts. */
    public record WeeklyAdoption(String week, int domains, int publishedContracts, int consumers) {
    }

    public record Adoption(int domains, int publishedContracts, List<ContractConsumers> consumersPerContract,
                    List<WeeklyAdoption> weekly) {
    }

    private final JdbcTemplate jdbc;

    AdoptionFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Adoption of(MetricsScope scope) {
        List<ContractConsumers> consumers = consumersPerContract(scope.domain(), scope.to());
        List<WeeklyAdoption> weekly = Weeks.of(scope.from(), scope.to()).stream().map(week -> {
            List<ContractConsumers> atWeekEnd = consumersPerContract(scope.domain(), week.to());
            return new WeeklyAdoption(week.monday().toString(), domains(scope.domain(), week.to()), atWeekEnd.size(),
                    atWeekEnd.stream().mapToInt(ContractConsumers::consumers).sum());
        }).toList();
        return new Adoption(domains(scope.domain(), scope.to()), consumers.size(), consumers, weekly);
    }

    private int domains(String domain, Instant at) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM metric_domain WHERE registered_at < ? AND (?::text IS NULL OR domain_id = ?)""",
                Integer.class, Timestamp.from(at), domain, domain);
        return count == null ? 0 : count;
    }

    /** Contracts with a live published version at the instant, most consumed first. */
    List<ContractConsumers> consumersPerContract(String domain, Instant at) {
        Timestamp instant = Timestamp.from(at);
        return jdbc.query("""
                SELECT v.contract_id, min(v.domain) AS domain, count(DISTINCT a.consumer_domain) AS consumers
                FROM metric_contract_version v
                LEFT JOIN metric_access_request a ON a.contract_id = v.contract_id AND a.outcome = 'GRANTED'
                    AND a.decided_at < ? AND (a.ended_at IS NULL OR a.ended_at >= ?) AND a.until > ?
                WHERE v.published_at < ? AND (v.retired_at IS NULL OR v.retired_at >= ?)
                  AND (?::text IS NULL OR v.domain = ?)
                GROUP BY v.contract_id ORDER BY consumers DESC, v.contract_id""",
                (row, i) -> new ContractConsumers(row.getString("contract_id"), row.getString("domain"),
                        row.getInt("consumers")),
                instant, instant, instant, instant, instant, domain, domain);
    }
}
