package org.meshgov.contract;

public record ContractVersionRejectedEvent(String contractId, String version, int revision, ReviewStage stage,
                                           String reason, String rejectedBy) {
}
