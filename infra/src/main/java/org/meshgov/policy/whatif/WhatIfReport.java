package org.meshgov.policy.whatif;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.meshgov.domain.OnboardingStage;

/**
 * What a draft policy set would have done to every past case: per rule and per domain, how many
 * cases it would have refused, warned or sent to a governance review, and which (the first
 * {@code casesListed} in log order per rule and domain; {@code casesNotListed} counts the rest).
 */
public record WhatIfReport(String draftContentHash, long eventsRead, long casesEvaluated,
                           Map<String, Long> casesByTarget, long casesRefused, long casesWarned, long elapsedMillis,
                           double casesPerSecond, int casesListed, List<RuleOutcome> rules) {

    public record RuleOutcome(String rule, String target, long refused, long warned, long governanceReview,
                              List<DomainOutcome> domains) {
    }

    public record DomainOutcome(String domain, long refused, long warned, long governanceReview,
                                List<CaseOutcome> cases, long casesNotListed) {
    }

    /**
     * {@code outcome}: refused, warned or governance-review; {@code stage}: the domain's stage at the
     * time; {@code globalIndex}: where the case's event is in the log.
     */
    public record CaseOutcome(String caseId, long globalIndex, String outcome, OnboardingStage stage, Instant at,
                              String message) {
    }
}
