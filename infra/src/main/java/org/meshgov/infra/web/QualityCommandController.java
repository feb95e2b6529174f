package org.meshgov.infra.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.infra.security.CurrentActor;
import org.meshgov.quality.QualityResult;
import org.meshgov.quality.QualityResultsRecorded;
import org.meshgov.quality.RecordQualityResultsCommand;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class QualityCommandController {

    public record QualityResultsBody(String contractId, String version, String runId, Instant runAt,
                                     List<QualityResult> results) {
    }

    private final CommandGateway commands;

    public QualityCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/quality-results")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> record(@RequestBody QualityResultsBody body) {
        if (body.contractId() == null || body.runId() == null || body.runId().isBlank()) {
            throw GovernanceViolationException.of("$.runId", "required", "name the contract and the run");
        }
        QualityResultsRecorded recorded;
        try {
            recorded = commands.sendAndWait(new RecordQualityResultsCommand(body.contractId(), body.version(), body.runId(),
                    body.runAt(), body.results(), CurrentActor.get()));
        } catch (AggregateStreamCreationException alreadyRecorded) {
            throw GovernanceViolationException.of("$.runId", "duplicate-run",
                    "run " + body.runId() + " of " + body.contractId() + " was already recorded");
        }
        return Map.of("contractId", body.contractId(), "version", body.version(), "runId", body.runId(),
                "results", body.results().size(), "warnings", recorded.warnings(), "policy", recorded.policy());
    }
}
