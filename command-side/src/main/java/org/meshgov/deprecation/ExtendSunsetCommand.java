package org.meshgov.deprecation;

import java.time.Instant;
import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

public record ExtendSunsetCommand(String contractId, String version, Instant newSunset, String reason, Actor actor)
        implements ContractCommand {
}
