package org.meshgov.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.meshgov.identity.Actor;

/** A new version of a contract, or a revision of one whose reviewers asked for changes. */
public record ProposeContractVersionCommand(String contractId, JsonNode document, String documentUrl, Actor actor)
        implements ContractCommand {
}
