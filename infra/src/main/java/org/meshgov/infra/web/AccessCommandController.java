package org.meshgov.infra.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.access.AccessRequest;
import org.meshgov.access.AccessRequestAccepted;
import org.meshgov.access.RequestAccessCommand;
import org.meshgov.access.RevokeAccessCommand;
import org.meshgov.access.approval.AccessRequestProcess;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccessCommandController {

    /** {@code until} is an instant or a date (the start of that day, UTC). */
    public record AccessRequestBody(String contractId, Long majorVersion, String consumerDomain, String purpose,
                                    List<String> properties, String until) {
    }

    public record RevocationBody(String reason) {
    }

    private final CommandGateway commands;
    private final WorkflowAdmission admission;

    public AccessCommandController(CommandGateway commands, WorkflowAdmission admission) {
        this.commands = commands;
        this.admission = admission;
    }

    @PostMapping("/api/access-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public AccessRequestAccepted request(@RequestBody AccessRequestBody body) {
        if (body.contractId() == null || body.contractId().isBlank() || body.majorVersion() == null) {
            throw GovernanceViolationException.of("$.contractId", "required",
                    "name the contract and its major version");
        }
        String requestId = UUID.randomUUID().toString();
        admission.awaitRoom(AccessRequestProcess.PROCESSING_GROUP, AccessRequest.aggregateId(requestId));
        return commands.sendAndWait(new RequestAccessCommand(requestId, body.contractId(),
                body.majorVersion(), body.consumerDomain(), body.purpose(), body.properties(), RequestDates.instant(body.until(), "$.until"),
                null, CurrentActor.get()));
    }

    @PostMapping("/api/access-grants/{grantId}/revoke")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> revoke(@PathVariable String grantId, @RequestBody(required = false) RevocationBody body) {
        commands.sendAndWait(new RevokeAccessCommand(grantId, body == null ? null : body.reason(), CurrentActor.get()));
        return Map.of("grantId", grantId, "status", "REVOKED");
    }
}
