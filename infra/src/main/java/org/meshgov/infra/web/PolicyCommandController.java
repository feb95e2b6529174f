package org.meshgov.infra.web;

import java.io.IOException;
import java.io.InputStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.infra.security.CurrentActor;
import org.meshgov.policy.PolicyChangeProposed;
import org.meshgov.policy.ProposePolicyChangeCommand;
import org.meshgov.policy.review.PolicyChangeProcess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/policies")
public class PolicyCommandController {

    private final CommandGateway commands;
    private final WorkflowAdmission admission;

    public PolicyCommandController(CommandGateway commands, WorkflowAdmission admission) {
        this.commands = commands;
        this.admission = admission;
    }

    /**
     * The whole new policy set as the body (YAML or JSON, kept word for word); the reason in the
     * {@code X-Change-Reason} header, since the body is the document. Starts BPMN {@code policy-change}.
     */
    @PostMapping(value = "/proposals", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            "application/json"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public PolicyChangeProposed propose(InputStream body,
                                        @RequestHeader(value = "X-Change-Reason", required = false) String reason)
            throws IOException {
        admission.awaitRoom(PolicyChangeProcess.PROCESSING_GROUP, null);
        return commands.sendAndWait(new ProposePolicyChangeCommand(PolicyDocuments.read(body), reason,
                CurrentActor.get()));
    }
}
