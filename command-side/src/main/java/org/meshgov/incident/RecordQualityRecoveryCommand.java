package org.meshgov.incident;

import java.time.Instant;
import org.meshgov.identity.Actor;

/** The rule of an open quality incident passed in a later run. */
public record RecordQualityRecoveryCommand(String incidentId, String version, String runId, Instant runAt,
                                           Double measured, Actor actor) implements IncidentCommand {
}
