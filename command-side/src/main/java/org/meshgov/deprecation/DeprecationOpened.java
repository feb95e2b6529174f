package org.meshgov.deprecation;

import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/** {@code warnings}: the policy set's advisory findings, one line each. */
public record DeprecationOpened(String deprecationId, String status, List<String> consumers, List<String> warnings,
                                PolicyEvaluation policy) {
}
