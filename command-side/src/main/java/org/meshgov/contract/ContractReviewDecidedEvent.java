package org.meshgov.contract;

public record ContractReviewDecidedEvent(String contractId, String version, int revision, ReviewStage stage,
                                         ReviewDecision decision, String comment, String reviewedContentHash,
                                         String decidedBy) {
}
