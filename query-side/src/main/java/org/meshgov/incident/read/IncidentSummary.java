package org.meshgov.incident.read;

import java.time.Instant;
import java.util.List;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.IncidentStatus;

/** One line of the incident list. */
public record IncidentSummary(String id, String contractId, String version, String domain, IncidentKind kind,
                              IncidentSeverity severity, String title, IncidentStatus status, Instant raisedAt,
                              String raisedBy, String assignee, Instant acknowledgedAt, Instant resolvedAt,
                              Instant closedAt, boolean escalated, String rule, List<String> consumers) {
}
