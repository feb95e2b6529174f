package org.meshgov.domain;

/**
 * What the command side needs to know about a registered domain: its groups to check rights, its
 * onboarding stage to know which policy rules apply to it.
 */
public record DomainProfile(String id, String name, String ownerGroup, String memberGroup, OnboardingStage stage) {
}
