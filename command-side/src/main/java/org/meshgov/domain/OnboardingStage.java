package org.meshgov.domain;

/**
 * How far a domain has come in adopting the mesh. Policy rules are switched off, advisory or
 * enforced per stage, so that a domain meets stricter rules as it matures.
 */
public enum OnboardingStage {
    PILOT, ONBOARDING, FEDERATED;

    /** A domain moves forward one stage at a time; it may fall back to any earlier stage. */
    public boolean isNextAfter(OnboardingStage current) {
        return ordinal() == current.ordinal() + 1;
    }

    public boolean isBefore(OnboardingStage other) {
        return ordinal() < other.ordinal();
    }
}
