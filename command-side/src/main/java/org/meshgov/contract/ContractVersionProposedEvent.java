package org.meshgov.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.meshgov.contract.compatibility.Change;
import org.meshgov.policy.PolicyEvaluation;

/**
 * A version entered review. {@code revision} counts submissions of the same version: a revision
 * above 1 supersedes the document on which changes were requested. {@code comparedWith} is the
 * published version the {@code changes} were classified against, or null for the first one.
 * {@code policy} is how the policy set judged it (null on events written before policies existed).
 */
public record ContractVersionProposedEvent(String contractId, String version, int revision, String domain,
                                           String name, JsonNode document, String contentHash, String documentUrl,
                                           String comparedWith, ChangeLevel changeLevel, List<Change> changes,
                                           ReviewPlan reviewPlan, String proposedBy, PolicyEvaluation policy) {

    /** The same proposal with the review its policy evaluation led to. */
    public ContractVersionProposedEvent reviewedUnder(ReviewPlan plan, PolicyEvaluation evaluation) {
        return new ContractVersionProposedEvent(contractId, version, revision, domain, name, document, contentHash,
                documentUrl, comparedWith, changeLevel, changes, plan, proposedBy, evaluation);
    }
}
