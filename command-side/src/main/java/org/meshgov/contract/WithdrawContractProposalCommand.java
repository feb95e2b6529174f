package org.meshgov.contract;

import org.meshgov.identity.Actor;

public record WithdrawContractProposalCommand(String contractId, String version, String reason, Actor actor)
        implements ContractCommand {
}
