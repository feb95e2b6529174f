package org.meshgov.incident;

public enum IncidentStatus {
    OPEN, RESOLVED, CLOSED
}
