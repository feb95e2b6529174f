package org.meshgov.incident;

import org.meshgov.identity.Actor;

public record CloseIncidentCommand(String incidentId, Actor actor) implements IncidentCommand {
}
