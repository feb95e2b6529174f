package org.meshgov.incident;

public record PostmortemRecordedEvent(String incidentId, String postmortem, String recordedBy) {
}
