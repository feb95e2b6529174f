package org.meshgov.incident;

import java.time.Instant;
import org.meshgov.identity.Actor;

/** A quality rule with severity {@code error} failed in a recorded run and no incident is open for it. */
public record OpenQualityIncidentCommand(String incidentId, String contractId, String version, String rule,
                                         String runId, Instant runAt, Double measured, String details,
                                         String reportedBy, Actor actor) implements IncidentCommand {
}
