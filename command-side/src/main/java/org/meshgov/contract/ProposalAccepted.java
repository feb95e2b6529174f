package org.meshgov.contract;

import java.util.List;
import org.meshgov.contract.compatibility.Change;

/** What the proposer learns at once: the version entered review, and how it was classified. */
public record ProposalAccepted(String contractId, String version, int revision, ContractVersionStatus status,
                               ChangeLevel changeLevel, List<Change> changes) {
}
