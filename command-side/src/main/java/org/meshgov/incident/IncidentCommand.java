package org.meshgov.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;

/** Every command on an incident names it and who asks. */
public interface IncidentCommand extends ActedCommand {

    String incidentId();

    @TargetAggregateIdentifier
    default String aggregateId() {
        return Incident.aggregateId(incidentId());
    }
}
