package org.meshgov.quality;

import java.time.Instant;
import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/**
 * A run's results, each with the severity its rule has in that contract version. {@code policy} is
 * how the policy set judged the report (null on events written before policies existed).
 */
public record QualityResultsRecordedEvent(String contractId, String version, String domain, String runId,
                                          Instant runAt, List<RecordedResult> results, String recordedBy,
                                          PolicyEvaluation policy) {

    public record RecordedResult(String rule, String severity, boolean passed, Double measured, String details) {
    }

    public QualityResultsRecordedEvent evaluatedAs(PolicyEvaluation evaluation) {
        return new QualityResultsRecordedEvent(contractId, version, domain, runId, runAt, results, recordedBy,
                evaluation);
    }
}
