package org.meshgov.access;

import java.time.Instant;
import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/**
 * A consumer asked for access. {@code contractVersion} is the published version the request was
 * checked against; {@code sensitiveProperties} the requested ones that hold personal data;
 * {@code approvalsNeeded} is empty when the owning domain asks for its own contract; {@code policy}
 * is how the policy set judged it, by the owning domain's stage (null on events written before
 * policies existed).
 */
public record AccessRequestedEvent(String requestId, String contractId, long majorVersion, String contractVersion,
                                   String owningDomain, String ownerGroup, String consumerDomain,
                                   String consumerOwnerGroup, String purpose, List<String> properties,
                                   List<String> sensitiveProperties, Instant until, List<ApprovalRole> approvalsNeeded,
                                   String renewsGrantId, String requestedBy, PolicyEvaluation policy) {

    public AccessRequestedEvent evaluatedAs(PolicyEvaluation evaluation) {
        return new AccessRequestedEvent(requestId, contractId, majorVersion, contractVersion, owningDomain, ownerGroup,
                consumerDomain, consumerOwnerGroup, purpose, properties, sensitiveProperties, until, approvalsNeeded,
                renewsGrantId, requestedBy, evaluation);
    }
}
