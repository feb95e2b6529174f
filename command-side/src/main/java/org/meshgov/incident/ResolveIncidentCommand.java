package org.meshgov.incident;

import org.meshgov.identity.Actor;

public record ResolveIncidentCommand(String incidentId, ResolutionReason reason, String comment, Actor actor)
        implements IncidentCommand {
}
