package org.meshgov.policy;

import java.util.List;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;

/** Enforced policy rules did not hold; nothing is written. Says which policy version and stage refused. */
public class PolicyViolationException extends GovernanceViolationException {

    private final long policyVersion;
    private final OnboardingStage stage;

    public PolicyViolationException(List<Violation> violations, long policyVersion, OnboardingStage stage) {
        super(violations);
        this.policyVersion = policyVersion;
        this.stage = stage;
    }

    public long policyVersion() {
        return policyVersion;
    }

    public OnboardingStage stage() {
        return stage;
    }
}
