package org.meshgov.deprecation;

import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

public record AddDeprecationConsumerCommand(String contractId, String version, Consumer consumer, Actor actor)
        implements ContractCommand {
}
