package org.meshgov.incident;

/** What the process needs to know after a resolution: whether a postmortem comes before closing. */
public record IncidentResolution(String incidentId, boolean postmortemRequired) {
}
