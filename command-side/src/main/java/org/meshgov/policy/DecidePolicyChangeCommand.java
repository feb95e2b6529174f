package org.meshgov.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.governance.ApprovalDecision;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.Actor;

/** A governance reviewer activates or rejects the proposed version. */
public record DecidePolicyChangeCommand(long version, ApprovalDecision decision, String comment, Actor actor)
        implements ActedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PolicySet.AGGREGATE_ID;
    }
}
