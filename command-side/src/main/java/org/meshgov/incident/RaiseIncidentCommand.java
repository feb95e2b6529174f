package org.meshgov.incident;

import org.meshgov.identity.Actor;

/** A person raises an incident on a contract; {@code version} null means its latest published version. */
public record RaiseIncidentCommand(String incidentId, String contractId, String version, IncidentKind kind,
                                   IncidentSeverity severity, String title, String description, Actor actor)
        implements IncidentCommand {
}
