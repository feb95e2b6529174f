package org.meshgov.incident;

/** What broke, as the raiser sees it. */
public enum IncidentKind {
    QUALITY, FRESHNESS, SCHEMA, AVAILABILITY, ACCESS, OTHER
}
