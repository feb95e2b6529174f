package org.meshgov.incident;

import org.meshgov.identity.Actor;

/** The postmortem of a resolved incident: its text, or a link to where it is written. */
public record RecordPostmortemCommand(String incidentId, String postmortem, Actor actor) implements IncidentCommand {
}
