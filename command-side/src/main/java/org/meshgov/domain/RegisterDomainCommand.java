package org.meshgov.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.Actor;

public record RegisterDomainCommand(String domainId, String name, String description,
                                    String ownerGroup, String memberGroup, Actor actor)
        implements ActedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return DataDomain.aggregateId(domainId);
    }
}
