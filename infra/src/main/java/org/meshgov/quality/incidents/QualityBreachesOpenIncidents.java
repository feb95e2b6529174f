package org.meshgov.quality.incidents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.meshgov.identity.Actor;
import org.meshgov.incident.AttachQualityFailureCommand;
import org.meshgov.incident.IncidentResolvedEvent;
import org.meshgov.incident.OpenQualityIncidentCommand;
import org.meshgov.incident.RecordQualityRecoveryCommand;
import org.meshgov.quality.QualityResultsRecordedEvent;
import org.meshgov.quality.QualityResultsRecordedEvent.RecordedResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A failed {@code error} rule opens an incident, unless one is open for that contract and rule, in
 * which case the failure attaches to it; a passing run records the recovery there. The watch row and
 * the commands commit with the processor's token, and the incident id follows from the run that
 * opened it, so a redelivered run can neither open a second incident nor attach twice.
 */
@Component
@ProcessingGroup(QualityBreachesOpenIncidents.PROCESSING_GROUP)
@DisallowReplay
public class QualityBreachesOpenIncidents {

    public static final String PROCESSING_GROUP = "quality-incidents";
    static final String BLOCKING_SEVERITY = "error";

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public QualityBreachesOpenIncidents(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QualityResultsRecordedEvent event, @Timestamp Instant recordedAt) {
        Actor policy = Actor.system(PROCESSING_GROUP);
        for (RecordedResult result : event.results()) {
            if (!BLOCKING_SEVERITY.equals(result.severity())) {
                continue;
            }
            Optional<String> open = openIncident(event.contractId(), result.rule());
            if (!result.passed() && open.isEmpty()) {
                String incidentId = incidentIdFor(event.contractId(), result.rule(), event.runId());
                jdbc.update("INSERT INTO quality_incident_watch (contract_id, rule, incident_id, opened_at) "
                                + "VALUES (?, ?, ?, ?)", event.contractId(), result.rule(), incidentId,
                        java.sql.Timestamp.from(recordedAt));
                commands.sendAndWait(new OpenQualityIncidentCommand(incidentId, event.contractId(), event.version(),
                        result.rule(), event.runId(), event.runAt(), result.measured(), result.details(),
                        event.recordedBy(), policy));
            } else if (!result.passed()) {
                commands.sendAndWait(new AttachQualityFailureCommand(open.get(), event.version(), event.runId(),
                        event.runAt(), result.measured(), result.details(), policy));
            } else if (open.isPresent()) {
                commands.sendAndWait(new RecordQualityRecoveryCommand(open.get(), event.version(), event.runId(),
                        event.runAt(), result.measured(), policy));
            }
        }
    }

    @EventHandler
    void on(IncidentResolvedEvent event) {
        if (event.rule() != null) {
            jdbc.update("DELETE FROM quality_incident_watch WHERE incident_id = ?", event.incidentId());
        }
    }

    private Optional<String> openIncident(String contractId, String rule) {
        return jdbc.queryForList("SELECT incident_id FROM quality_incident_watch WHERE contract_id = ? AND rule = ?",
                String.class, contractId, rule).stream().findFirst();
    }

    static String incidentIdFor(String contractId, String rule, String runId) {
        return UUID.nameUUIDFromBytes((contractId + '\n' + rule + '\n' + runId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
