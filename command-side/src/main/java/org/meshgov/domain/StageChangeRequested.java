package org.meshgov.domain;

/** What the requester learns at once: the change waits for the governance group. */
public record StageChangeRequested(String domainId, String requestId, OnboardingStage from, OnboardingStage to,
                                   String status) {
}
