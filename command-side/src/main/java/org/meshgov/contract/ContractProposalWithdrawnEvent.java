package org.meshgov.contract;

public record ContractProposalWithdrawnEvent(String contractId, String version, int revision, String reason,
                                             String withdrawnBy) {
}
