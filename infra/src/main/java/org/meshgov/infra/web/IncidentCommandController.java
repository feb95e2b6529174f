package org.meshgov.infra.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;
import org.meshgov.incident.Incident;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentRaised;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.RaiseIncidentCommand;
import org.meshgov.incident.response.IncidentProcess;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class IncidentCommandController {

    /** Kind and severity arrive as text so that a wrong value is a violation, not an unreadable body. */
    public record IncidentBody(String contractId, String version, String kind, String severity, String title,
                               String description) {
    }

    private final CommandGateway commands;
    private final WorkflowAdmission admission;

    public IncidentCommandController(CommandGateway commands, WorkflowAdmission admission) {
        this.commands = commands;
        this.admission = admission;
    }

    @PostMapping("/api/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    public IncidentRaised raise(@RequestBody IncidentBody body) {
        List<Violation> violations = new ArrayList<>();
        if (body.contractId() == null || body.contractId().isBlank()) {
            violations.add(new Violation("$.contractId", "required", "name the contract"));
        }
        Optional<IncidentKind> kind = parse(IncidentKind.class, body.kind(), "$.kind", violations);
        Optional<IncidentSeverity> severity = parse(IncidentSeverity.class, body.severity(), "$.severity",
                violations);
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        String incidentId = UUID.randomUUID().toString();
        admission.awaitRoom(IncidentProcess.PROCESSING_GROUP, Incident.aggregateId(incidentId));
        return commands.sendAndWait(new RaiseIncidentCommand(incidentId,
                body.contractId(), body.version(), kind.get(), severity.get(), body.title(), body.description(),
                CurrentActor.get()));
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value, String path,
                                                        List<Violation> violations) {
        Optional<E> parsed = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
        if (parsed.isEmpty()) {
            violations.add(new Violation(path, "one-of", path.substring(2) + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + (value == null ? "" : ", not " + value)));
        }
        return parsed;
    }
}
