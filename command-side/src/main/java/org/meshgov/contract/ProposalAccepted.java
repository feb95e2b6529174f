package org.meshgov.contract;

import java.util.List;
import org.meshgov.contract.compatibility.Change;
import org.meshgov.policy.PolicyEvaluation;

/**
 * What the proposer learns at once: the version entered review, how it was classified, and what
 * the policy set found ({@code warnings}: its advisory findings, one line each).
 */
public record ProposalAccepted(String contractId, String version, int revision, ContractVersionStatus status,
                               ChangeLevel changeLevel, List<Change> changes, List<String> warnings,
                               PolicyEvaluation policy) {
}
