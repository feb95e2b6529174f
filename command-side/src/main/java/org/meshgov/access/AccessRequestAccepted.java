package org.meshgov.access;

import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/**
 * {@code warnings}: accepted, but the requester should know (that the version is deprecated, and
 * the policy set's advisory findings, one line each); {@code policy}: how the policy set judged it.
 */
public record AccessRequestAccepted(String requestId, AccessStatus status, List<ApprovalRole> approvalsNeeded,
                                    List<String> warnings, PolicyEvaluation policy) {
}
