package org.meshgov.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.Actor;

/** At the first start the engine adopts the policy set it ships with, as version 1, without review. */
public record AdoptDefaultPolicySetCommand(String document, Actor actor) implements ActedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PolicySet.AGGREGATE_ID;
    }
}
