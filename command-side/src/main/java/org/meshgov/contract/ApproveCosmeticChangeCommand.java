package org.meshgov.contract;

import org.meshgov.identity.Actor;

public record ApproveCosmeticChangeCommand(String contractId, String version, Actor actor) implements ContractCommand {
}
