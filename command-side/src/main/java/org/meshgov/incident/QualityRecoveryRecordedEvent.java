package org.meshgov.incident;

import java.time.Instant;

/** The rule passed again; the incident stays open until people resolve it. */
public record QualityRecoveryRecordedEvent(String incidentId, String contractId, String rule, String version,
                                           String runId, Instant runAt, Double measured) {
}
