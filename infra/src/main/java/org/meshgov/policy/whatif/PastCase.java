package org.meshgov.policy.whatif;

import java.time.Instant;
import java.util.Map;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.PolicyTarget;

/**
 * A case from the event log as a rule would have seen it when it happened: its target, where it is
 * in the log ({@code globalIndex}), the domain whose stage applied and that stage at the time, and
 * the facts its command handler evaluated.
 */
public record PastCase(PolicyTarget target, String caseId, long globalIndex, String domain, OnboardingStage stage,
                       Instant at, Map<String, Object> facts) {
}
