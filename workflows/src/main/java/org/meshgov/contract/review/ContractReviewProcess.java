package org.meshgov.contract.review;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.meshgov.contract.ContractProposalWithdrawnEvent;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.workflow.CaseRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Drives BPMN {@code contract-review} from the event log: one process per proposed version, a
 * revision wakes the waiting process, a withdrawal ends it. Replays never touch processes.
 */
@Component
@ProcessingGroup(ContractReviewProcess.PROCESSING_GROUP)
@DisallowReplay
public class ContractReviewProcess {

    public static final String PROCESSING_GROUP = "contract-review-workflow";
    public static final String PROCESS_KEY = "contract-review";
    static final String REVISED = "ContractVersionRevised";
    static final String WITHDRAWN = "ContractProposalWithdrawn";

    private final RuntimeService runtime;
    private final CaseRegistry cases;
    private final String reviewSla;

    public ContractReviewProcess(RuntimeService runtime, CaseRegistry cases,
                                 @Value("${meshgov.review-sla}") String reviewSla) {
        this.runtime = runtime;
        this.cases = cases;
        this.reviewSla = reviewSla;
    }

    public static String businessKey(String contractId, String version) {
        return contractId + ":" + version;
    }

    @EventHandler
    void on(ContractVersionProposedEvent event) {
        String businessKey = businessKey(event.contractId(), event.version());
        if (event.revision() == 1) {
            if (cases.claim(businessKey, PROCESS_KEY)) {
                runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, variablesOf(event));
            }
            return;
        }
        runtime.createMessageCorrelation(REVISED)
                .processInstanceBusinessKey(businessKey)
                .processInstanceVariableEquals("awaitingRevision", event.revision())
                .setVariables(variablesOf(event))
                .correlateAll();
    }

    @EventHandler
    void on(ContractProposalWithdrawnEvent event) {
        runtime.createMessageCorrelation(WITHDRAWN)
                .processInstanceBusinessKey(businessKey(event.contractId(), event.version()))
                .correlateAll();
    }

    private Map<String, Object> variablesOf(ContractVersionProposedEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("contractId", event.contractId());
        variables.put("version", event.version());
        variables.put("revision", event.revision());
        variables.put("awaitingRevision", event.revision() + 1);
        variables.put("domain", event.domain());
        variables.put("proposer", event.proposedBy());
        variables.put("contentHash", event.contentHash());
        variables.put("changeLevel", event.changeLevel().name());
        variables.put("automaticApproval", event.reviewPlan().automatic());
        variables.put("requiresGovernanceReview", event.reviewPlan().requiresGovernanceReview());
        variables.put("ownerReviewGroup", event.reviewPlan().ownerReviewGroup());
        variables.put("governanceGroup", GlobalGroups.GOVERNANCE_REVIEWERS);
        variables.put("reviewSla", reviewSla);
        variables.put("changesSummary", summaryOf(event));
        variables.put("documentUrl", event.documentUrl());
        variables.put("policyWarnings", policyWarningsOf(event.policy()));
        return variables;
    }

    /** The reviewers see what the policy set advised against, and the review it asked for. */
    static String policyWarningsOf(PolicyEvaluation policy) {
        if (policy == null) {
            return "not evaluated: proposed before policies existed";
        }
        String header = "policy set version " + policy.policyVersion() + ", domain at stage " + policy.stage();
        if (policy.findings().isEmpty()) {
            return header + ": every rule holds";
        }
        return header + ": " + policy.findings().stream()
                .map(finding -> finding.rule() + " (" + finding.enforcement().wireName() + "): " + finding.message())
                .collect(Collectors.joining("; "));
    }

    private static String summaryOf(ContractVersionProposedEvent event) {
        if (event.changes().isEmpty()) {
            return event.comparedWith() == null
                    ? "First version of " + event.contractId()
                    : "No change from " + event.comparedWith();
        }
        return event.changeLevel() + " against " + event.comparedWith() + ": " + event.changes().stream()
                .map(change -> change.kind() + " " + change.change() + " at " + change.path())
                .collect(Collectors.joining("; "));
    }
}
