package org.meshgov.incident;

import org.meshgov.identity.Actor;

/** Nobody acknowledged the incident within its severity's time. */
public record EscalateIncidentCommand(String incidentId, Actor actor) implements IncidentCommand {
}
