package org.meshgov.deprecation;

import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

public record RemindDeprecationConsumersCommand(String contractId, String version, ReminderKind reminder, Actor actor)
        implements ContractCommand {
}
