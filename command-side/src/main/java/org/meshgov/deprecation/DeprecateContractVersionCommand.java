package org.meshgov.deprecation;

import java.time.Instant;
import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

/** The owners announce that a published version goes away at {@code sunset}, optionally naming its replacement. */
public record DeprecateContractVersionCommand(String contractId, String version, String reason, Instant sunset,
                                              String replacementVersion, Actor actor) implements ContractCommand {
}
