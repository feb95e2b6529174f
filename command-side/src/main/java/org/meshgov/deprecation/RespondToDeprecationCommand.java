package org.meshgov.deprecation;

import java.time.LocalDate;
import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

public record RespondToDeprecationCommand(String contractId, String version, String consumerDomain, DeprecationResponse response, LocalDate plannedMigration, String comment, Actor actor)
        implements ContractCommand {
}
