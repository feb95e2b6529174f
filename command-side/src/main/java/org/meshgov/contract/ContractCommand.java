package org.meshgov.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;

/** Every command on a contract names the contract and who asks. */
public interface ContractCommand extends ActedCommand {

    String contractId();

    @TargetAggregateIdentifier
    default String aggregateId() {
        return Contract.aggregateId(contractId());
    }
}
