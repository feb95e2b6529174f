package org.meshgov.bench.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class FloorController {

    /** The body of benchmark 1's command (register a domain). */
    public record Command(String id, String name, String description, String ownerGroup, String memberGroup) {
    }

    /** What a proposal's review process starts with: the same 16 variables as contract-review. */
    public record Proposal(String contractId, String version, int revision, String domain, String proposer,
                           String contentHash, String changeLevel, boolean automaticApproval,
                           boolean requiresGovernanceReview, String ownerReviewGroup, String governanceGroup,
                           String reviewSla, String changesSummary, String documentUrl, String policyWarnings,
                           String document) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RuntimeService runtime;

    public FloorController(JdbcTemplate jdbc, ObjectMapper json, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.json = json;
        this.runtime = runtime;
    }

    @PostMapping("/floor/commands")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Map<String, String> command(@RequestBody Command command) throws JsonProcessingException {
        jdbc.update("INSERT INTO floor_event (payload) VALUES (?)", json.writeValueAsBytes(command));
        return Map.of("id", command.id());
    }

    @PostMapping("/floor/proposals")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    public Map<String, String> proposal(@RequestBody Proposal proposal) throws JsonProcessingException {
        jdbc.update("INSERT INTO floor_event (payload) VALUES (?)", json.writeValueAsBytes(proposal));
        Map<String, Object> variables = new HashMap<>();
        variables.put("contractId", proposal.contractId());
        variables.put("version", proposal.version());
        variables.put("revision", proposal.revision());
        variables.put("awaitingRevision", proposal.revision() + 1);
        variables.put("domain", proposal.domain());
        variables.put("proposer", proposal.proposer());
        variables.put("contentHash", proposal.contentHash());
        variables.put("changeLevel", proposal.changeLevel());
        variables.put("automaticApproval", proposal.automaticApproval());
        variables.put("requiresGovernanceReview", proposal.requiresGovernanceReview());
        variables.put("ownerReviewGroup", proposal.ownerReviewGroup());
        variables.put("governanceGroup", proposal.governanceGroup());
        variables.put("reviewSla", proposal.reviewSla());
        variables.put("changesSummary", proposal.changesSummary());
        variables.put("documentUrl", proposal.documentUrl());
        variables.put("policyWarnings", proposal.policyWarnings());
        runtime.startProcessInstanceByKey("floor-review", proposal.contractId() + ":" + proposal.revision(), variables);
        return Map.of("contractId", proposal.contractId());
    }
}
