package org.meshgov.policy;

import java.util.List;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.governance.Violation;

/** Every rule of one target that did not hold for a case, and what that means at the domain's stage. */
public record PolicyVerdict(long policyVersion, OnboardingStage stage, List<Failure> failures) {

    /** A rule that did not hold, with its enforcement at the stage (never {@code off}) and its message. */
    public record Failure(PolicyRule rule, Enforcement enforcement, String message) {

        /** Enforced and without a remedy: the case may not go ahead. */
        public boolean refuses() {
            return enforcement == Enforcement.ENFORCED && rule.remedy() == null;
        }

        public boolean warns() {
            return enforcement == Enforcement.ADVISORY;
        }
    }

    public PolicyVerdict {
        failures = List.copyOf(failures);
    }

    public boolean refused() {
        return failures.stream().anyMatch(Failure::refuses);
    }

    public List<Violation> refusals() {
        return failures.stream().filter(Failure::refuses)
                .map(f -> new Violation(f.rule().path(), f.rule().name(), f.message()))
                .toList();
    }

    /** Refuses the command, naming every enforced rule that did not hold; nothing is written then. */
    public void refuseIfEnforced() {
        if (refused()) {
            throw new PolicyViolationException(refusals(), policyVersion, stage);
        }
    }

    public boolean requires(Remedy remedy) {
        return failures.stream().anyMatch(f -> f.enforcement() == Enforcement.ENFORCED && f.rule().remedy() == remedy);
    }

    /** What the case's event records: the version, the stage, and the failures that did not refuse. */
    public PolicyEvaluation evaluation() {
        return new PolicyEvaluation(policyVersion, stage, failures.stream().filter(f -> !f.refuses())
                .map(f -> new PolicyFinding(f.rule().name(), f.enforcement(), f.message()))
                .toList());
    }
}
