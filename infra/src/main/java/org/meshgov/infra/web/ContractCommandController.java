package org.meshgov.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.contract.Contract;
import org.meshgov.contract.ContractDocumentRules;
import org.meshgov.contract.ProposalAccepted;
import org.meshgov.contract.ProposeContractVersionCommand;
import org.meshgov.contract.WithdrawContractProposalCommand;
import org.meshgov.contract.review.ContractReviewProcess;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/contracts")
public class ContractCommandController {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final CommandGateway commands;
    private final ContractDocumentParser parser = new ContractDocumentParser();
    private final ContractDocumentRules rules;
    private final WorkflowAdmission admission;

    public ContractCommandController(CommandGateway commands, ContractDocumentRules rules, WorkflowAdmission admission) {
        this.commands = commands;
        this.rules = rules;
        this.admission = admission;
    }

    public record WithdrawalRequest(String reason) {
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<Map<String, Object>> propose(HttpServletRequest request, InputStream body) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES);
        }
        byte[] bytes = body.readNBytes((int) MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES);
        }
        DocumentFormat format = MediaType.APPLICATION_JSON.isCompatibleWith(
                MediaType.parseMediaType(request.getContentType())) ? DocumentFormat.JSON : DocumentFormat.YAML;
        JsonNode document = parser.parse(bytes, format);
        JsonNode id = document.path("id");
        if (!id.isTextual() || id.asText().isBlank()) {
            // Without an id there is no contract to route to; report everything wrong with the document.
            List<Violation> violations = rules.check(document);
            throw new GovernanceViolationException(violations.isEmpty()
                    ? List.of(new Violation("$.id", "contract-id", "a contract needs an id")) : violations);
        }
        String contractId = id.asText();
        String version = document.path("version").asText();
        String documentUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/contracts/{id}/versions/{version}").buildAndExpand(contractId, version).toUriString();
        admission.awaitRoom(ContractReviewProcess.PROCESSING_GROUP, Contract.aggregateId(contractId));
        ProposalAccepted accepted = commands.sendAndWait(
                new ProposeContractVersionCommand(contractId, document, documentUrl, CurrentActor.get()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                "contractId", accepted.contractId(),
                "version", accepted.version(),
                "revision", accepted.revision(),
                "status", accepted.status().name(),
                "changeLevel", accepted.changeLevel().name(),
                "changes", accepted.changes(),
                "warnings", accepted.warnings(),
                "policy", accepted.policy()));
    }

    @PostMapping("/{contractId}/versions/{version}/withdrawal")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String contractId, @PathVariable String version,
                                                        @RequestBody(required = false) WithdrawalRequest request) {
        commands.sendAndWait(new WithdrawContractProposalCommand(contractId, version,
                request == null ? null : request.reason(), CurrentActor.get()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("contractId", contractId, "version", version, "status", "WITHDRAWN"));
    }
}
