package org.meshgov.infra.web;

import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.deprecation.CancelDeprecationCommand;
import org.meshgov.deprecation.ConfirmMigrationCommand;
import org.meshgov.deprecation.DeprecateContractVersionCommand;
import org.meshgov.deprecation.DeprecationOpened;
import org.meshgov.deprecation.ExtendSunsetCommand;
import org.meshgov.deprecation.read.DeprecationQueries;
import org.meshgov.deprecation.read.DeprecationView;
import org.meshgov.deprecation.retirement.DeprecationProcess;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DeprecationCommandController {

    /** {@code sunset} is an instant or a date (the start of that day, UTC). */
    public record DeprecationBody(String reason, String sunset, String replacementVersion) {
    }

    public record ReasonBody(String reason) {
    }

    private final CommandGateway commands;
    private final DeprecationQueries deprecations;
    private final WorkflowAdmission admission;

    public DeprecationCommandController(CommandGateway commands, DeprecationQueries deprecations, WorkflowAdmission admission) {
        this.commands = commands;
        this.deprecations = deprecations;
        this.admission = admission;
    }

    @PostMapping("/api/contracts/{contractId}/versions/{version}/deprecation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public DeprecationOpened deprecate(@PathVariable String contractId, @PathVariable String version,
                                       @RequestBody DeprecationBody body) {
        admission.awaitRoom(DeprecationProcess.PROCESSING_GROUP, null);
        return commands.sendAndWait(new DeprecateContractVersionCommand(contractId, version, body.reason(),
                RequestDates.instant(body.sunset(), "$.sunset"), body.replacementVersion(), CurrentActor.get()));
    }

    @DeleteMapping("/api/contracts/{contractId}/versions/{version}/deprecation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> cancel(@PathVariable String contractId, @PathVariable String version,
                                      @RequestBody(required = false) ReasonBody body) {
        commands.sendAndWait(new CancelDeprecationCommand(contractId, version, body == null ? null : body.reason(),
                CurrentActor.get()));
        return Map.of("contractId", contractId, "version", version, "status", "CANCELLED");
    }

    @PostMapping("/api/contracts/{contractId}/versions/{version}/deprecation/extension")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> extend(@PathVariable String contractId, @PathVariable String version,
                                      @RequestBody DeprecationBody body) {
        Instant sunset = RequestDates.instant(body.sunset(), "$.sunset");
        commands.sendAndWait(new ExtendSunsetCommand(contractId, version, sunset, body.reason(), CurrentActor.get()));
        return Map.of("contractId", contractId, "version", version, "sunset", String.valueOf(sunset));
    }

    /** A consumer's owners confirm that the consumer no longer reads the deprecated version. */
    @PostMapping("/api/deprecations/{deprecationId}/consumers/{domain}/migration")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> migrated(@PathVariable String deprecationId, @PathVariable String domain) {
        DeprecationView deprecation = deprecations.byId(deprecationId)
                .orElseThrow(() -> new UnknownEntityException("no deprecation " + deprecationId));
        commands.sendAndWait(new ConfirmMigrationCommand(deprecation.contractId(), deprecation.version(), domain,
                "confirmed by its owners", CurrentActor.get()));
        return Map.of("deprecationId", deprecationId, "consumer", domain, "status", "MIGRATED");
    }
}
