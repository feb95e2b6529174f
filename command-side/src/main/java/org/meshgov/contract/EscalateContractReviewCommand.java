package org.meshgov.contract;

import org.meshgov.identity.Actor;

public record EscalateContractReviewCommand(String contractId, String version, ReviewStage stage, String escalatedTo,
                                            Actor actor) implements ContractCommand {
}
