package org.meshgov.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.Actor;

/** The domain's owners or a platform admin ask to move the domain to another onboarding stage. */
public record RequestDomainStageChangeCommand(String domainId, String requestId, OnboardingStage stage,
                                              String reason, Actor actor) implements ActedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return DataDomain.aggregateId(domainId);
    }
}
