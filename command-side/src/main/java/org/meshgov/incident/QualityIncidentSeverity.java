package org.meshgov.incident;

/** The severity an incident opened by a failed quality rule starts with, until triage says otherwise. */
public record QualityIncidentSeverity(IncidentSeverity value) {

    public QualityIncidentSeverity {
        if (value == null) {
            throw new IllegalArgumentException("automatic quality incidents need a severity");
        }
    }
}
