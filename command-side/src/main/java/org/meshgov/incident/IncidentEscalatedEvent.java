package org.meshgov.incident;

import java.time.Instant;

/** The acknowledgement time of the incident's severity passed; the governance group is called in. */
public record IncidentEscalatedEvent(String incidentId, IncidentSeverity severity, Instant acknowledgeBy,
                                     String escalatedTo) {
}
