package org.meshgov.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident on a contract version. {@code rule} and {@code runId} are set when a failed quality
 * rule opened it; {@code consumers} are the domains with grants in force, told at once.
 */
public record IncidentRaisedEvent(String incidentId, String contractId, String version, String domain,
                                  String ownerGroup, IncidentKind kind, IncidentSeverity severity, String title,
                                  String description, String rule, String runId, List<String> consumers,
                                  Instant acknowledgeBy, String raisedBy) {
}
