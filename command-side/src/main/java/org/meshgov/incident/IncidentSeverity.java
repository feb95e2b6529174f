package org.meshgov.incident;

/** SEV1 is the worst; the two worst levels owe the mesh a postmortem. */
public enum IncidentSeverity {
    SEV1, SEV2, SEV3, SEV4;

    public boolean needsPostmortem() {
        return this == SEV1 || this == SEV2;
    }
}
