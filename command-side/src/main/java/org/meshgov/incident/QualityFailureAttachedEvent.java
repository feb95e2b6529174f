package org.meshgov.incident;

import java.time.Instant;

public record QualityFailureAttachedEvent(String incidentId, String contractId, String rule, String version,
                                          String runId, Instant runAt, Double measured, String details) {
}
