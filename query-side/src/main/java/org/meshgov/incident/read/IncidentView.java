package org.meshgov.incident.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.IncidentStatus;

/**
 * An incident with everything that happened to it. {@code resolution} is the reason's wire name
 * ({@code fixed-at-source}, ...), {@code comment} the resolver's. The times to acknowledge and to
 * resolve run from the raise and stay null until reached: ISO-8601 durations, and the same in seconds.
 */
public record IncidentView(String id, String contractId, String version, String domain, IncidentKind kind,
                           IncidentSeverity severity, String title, String description, IncidentStatus status,
                           String rule, List<String> consumers, String raisedBy, Instant raisedAt,
                           Instant acknowledgeBy, String assignee, String acknowledgedBy, Instant acknowledgedAt,
                           boolean escalated, Instant escalatedAt, String escalatedTo, String resolution,
                           String comment, String resolvedBy, Instant resolvedAt, boolean postmortemRequired,
                           String postmortem, String postmortemBy, Instant postmortemAt, String closedBy,
                           Instant closedAt, Failures failures, Instant recoveredAt, String timeToAcknowledge,
                           Double timeToAcknowledgeSeconds, String timeToResolve, Double timeToResolveSeconds,
                           List<TimelineEntry> timeline) {

    /**
     * Failed runs of a quality incident's rule, the one that opened it included. {@code lastRunAt}
     * is null while that opening run is the last, since the raise does not carry its run time.
     */
    public record Failures(int count, String lastRunId, Instant lastRunAt) {
    }

    /** {@code sequence} orders an incident's events; {@code actor} is who caused it. */
    public record TimelineEntry(long sequence, String type, String actor, Instant at, JsonNode details) {
    }
}
