package org.meshgov.contract;

/** Who reviews: the domain's owners first, then governance when the change breaks consumers. */
public enum ReviewStage {
    OWNER, GOVERNANCE
}
