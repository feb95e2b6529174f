package org.meshgov.incident;

import java.time.Instant;
import org.meshgov.identity.Actor;

/** The rule of an open quality incident failed again in a later run. */
public record AttachQualityFailureCommand(String incidentId, String version, String runId, Instant runAt,
                                          Double measured, String details, Actor actor) implements IncidentCommand {
}
