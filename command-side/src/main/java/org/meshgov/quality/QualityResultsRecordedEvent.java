package org.meshgov.quality;

import java.time.Instant;
import java.util.List;

/** A run's results, each with the severity its rule has in that contract version. */
public record QualityResultsRecordedEvent(String contractId, String version, String domain, String runId,
                                          Instant runAt, List<RecordedResult> results, String recordedBy) {

    public record RecordedResult(String rule, String severity, boolean passed, Double measured, String details) {
    }
}
