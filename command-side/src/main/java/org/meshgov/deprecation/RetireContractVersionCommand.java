package org.meshgov.deprecation;

import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

public record RetireContractVersionCommand(String contractId, String version, String reason, Actor actor)
        implements ContractCommand {
}
