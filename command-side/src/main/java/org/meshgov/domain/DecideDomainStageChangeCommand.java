package org.meshgov.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.governance.ApprovalDecision;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.Actor;

/** A governance reviewer approves or rejects a pending stage change. */
public record DecideDomainStageChangeCommand(String domainId, String requestId, ApprovalDecision decision,
                                             String comment, Actor actor) implements ActedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return DataDomain.aggregateId(domainId);
    }
}
