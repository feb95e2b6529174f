package org.meshgov.domain;

/** A move from one onboarding stage to another waits for the governance group. */
public record DomainStageChangeRequestedEvent(String domainId, String requestId, OnboardingStage from,
                                              OnboardingStage to, String reason, String requestedBy) {
}
