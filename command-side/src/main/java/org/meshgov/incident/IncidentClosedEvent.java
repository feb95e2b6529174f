package org.meshgov.incident;

public record IncidentClosedEvent(String incidentId, String closedBy) {
}
