package org.meshgov.incident;

import org.meshgov.identity.Actor;

/** Triage: the owning domain takes the incident on, confirms or changes its severity and names who fixes it. */
public record AcknowledgeIncidentCommand(String incidentId, IncidentSeverity severity, String assignee,
                                         String comment, Actor actor) implements IncidentCommand {
}
