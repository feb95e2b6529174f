package org.meshgov.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.Actor;

/** A new version of the whole policy set (YAML or JSON), for the governance group to review. */
public record ProposePolicyChangeCommand(String document, String reason, Actor actor) implements ActedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PolicySet.AGGREGATE_ID;
    }
}
