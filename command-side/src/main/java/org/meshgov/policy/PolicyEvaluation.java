package org.meshgov.policy;

import java.util.List;
import org.meshgov.domain.OnboardingStage;

/**
 * How the policy set judged a case, recorded on the event the case wrote: which version of the
 * policy set, at which stage of the domain, and every rule that did not hold.
 */
public record PolicyEvaluation(long policyVersion, OnboardingStage stage, List<PolicyFinding> findings) {

    public PolicyEvaluation {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The advisory findings: what the response and the review task show as warnings. */
    public List<PolicyFinding> warnings() {
        return findings.stream().filter(f -> f.enforcement() == Enforcement.ADVISORY).toList();
    }

    /** The warnings as one line each, {@code rule: message}. */
    public List<String> warningLines() {
        return warnings().stream().map(f -> f.rule() + ": " + f.message()).toList();
    }
}
