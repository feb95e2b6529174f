package org.meshgov.contract;

public record ContractReviewEscalatedEvent(String contractId, String version, int revision, ReviewStage stage,
                                           String escalatedTo, String escalatedBy) {
}
