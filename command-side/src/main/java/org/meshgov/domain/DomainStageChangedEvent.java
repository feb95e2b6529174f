package org.meshgov.domain;

/** The domain is now at stage {@code to}: from this event on, policy rules apply to it as at that stage. */
public record DomainStageChangedEvent(String domainId, String requestId, OnboardingStage from, OnboardingStage to,
                                      String reason, String requestedBy, String approvedBy, String comment) {
}
