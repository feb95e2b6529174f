package org.meshgov.incident;

public record IncidentAcknowledgedEvent(String incidentId, IncidentSeverity severity,
                                        IncidentSeverity previousSeverity, String assignee, String comment,
                                        String acknowledgedBy) {
}
