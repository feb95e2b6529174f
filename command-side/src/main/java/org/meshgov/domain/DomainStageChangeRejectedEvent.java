package org.meshgov.domain;

/** The governance group kept the domain at stage {@code from}. */
public record DomainStageChangeRejectedEvent(String domainId, String requestId, OnboardingStage from,
                                             OnboardingStage to, String comment, String rejectedBy) {
}
