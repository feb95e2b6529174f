package org.meshgov.workflow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims a governed case before its process starts. The claim is a unique row written in the same
 * transaction as the process start, so a redelivered event or a second node racing for the same
 * event cannot start a second process.
 */
@Component
public class CaseRegistry {

    private final JdbcTemplate jdbc;

    public CaseRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean claim(String caseKey, String processKey) {
        return jdbc.update("INSERT INTO workflow_case (case_key, process_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                processKey + "/" + caseKey, processKey) == 1;
    }
}
