package org.meshgov.infra.web;

import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.domain.DataDomain;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.domain.RegisterDomainCommand;
import org.meshgov.domain.RequestDomainStageChangeCommand;
import org.meshgov.domain.StageChangeRequested;
import org.meshgov.domain.stage.DomainStageChangeProcess;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/domains")
public class DomainCommandController {

    public record RegisterDomainRequest(String id, String name, String description, String ownerGroup,
                                        String memberGroup) {
    }

    /** {@code stage}: PILOT, ONBOARDING or FEDERATED. */
    public record StageChangeRequest(String stage, String reason) {
    }

    private final CommandGateway commands;
    private final WorkflowAdmission admission;

    public DomainCommandController(CommandGateway commands, WorkflowAdmission admission) {
        this.commands = commands;
        this.admission = admission;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> register(@RequestBody RegisterDomainRequest request) {
        commands.sendAndWait(new RegisterDomainCommand(request.id(), request.name(), request.description(),
                request.ownerGroup(), request.memberGroup(), CurrentActor.get()));
        return Map.of("id", request.id());
    }

    /** Starts BPMN {@code domain-stage-change}: the governance group approves or rejects the move. */
    @PostMapping("/{domainId}/stage-changes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public StageChangeRequested requestStageChange(@PathVariable String domainId,
                                                   @RequestBody StageChangeRequest request) {
        admission.awaitRoom(DomainStageChangeProcess.PROCESSING_GROUP, DataDomain.aggregateId(domainId));
        return commands.sendAndWait(new RequestDomainStageChangeCommand(domainId, UUID.randomUUID().toString(),
                stage(request.stage()), request.reason(), CurrentActor.get()));
    }

    private static OnboardingStage stage(String name) {
        if (name == null) {
            return null;
        }
        try {
            return OnboardingStage.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GovernanceViolationException.of("$.stage", "stage", "stage must be PILOT, ONBOARDING or FEDERATED, not "
                    + name);
        }
    }
}
