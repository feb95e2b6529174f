package org.meshgov.quality.read;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.quality.QualityResultsRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(QualityProjection.PROCESSING_GROUP)
public class QualityProjection {

    public static final String PROCESSING_GROUP = "quality-catalog";

    private final JdbcTemplate jdbc;

    public QualityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QualityResultsRecordedEvent event) {
        event.results().forEach(result -> jdbc.update("""
                INSERT INTO quality_result (contract_id, version, run_id, run_at, rule, severity, passed, measured,
                    details, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, run_id, rule) DO NOTHING""",
                event.contractId(), event.version(), event.runId(), Timestamp.from(event.runAt()), result.rule(),
                result.severity(), result.passed(), result.measured(), result.details(), event.recordedBy()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM quality_result");
    }
}
