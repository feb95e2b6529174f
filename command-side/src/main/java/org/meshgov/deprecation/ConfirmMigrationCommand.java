package org.meshgov.deprecation;

import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

public record ConfirmMigrationCommand(String contractId, String version, String consumerDomain, String how, Actor actor)
        implements ContractCommand {
}
