package org.meshgov.deprecation;

import org.meshgov.contract.ContractCommand;
import org.meshgov.identity.Actor;

public record ReachSunsetCommand(String contractId, String version, Actor actor)
        implements ContractCommand {
}
