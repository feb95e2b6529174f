package org.meshgov.contract;

import org.meshgov.identity.Actor;

/** A reviewer's decision; {@code reviewedContentHash} is the document they were shown. */
public record DecideContractReviewCommand(String contractId, String version, ReviewStage stage,
                                          ReviewDecision decision, String comment, String reviewedContentHash,
                                          Actor actor) implements ContractCommand {
}
