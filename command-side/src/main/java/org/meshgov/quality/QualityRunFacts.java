package org.meshgov.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meshgov.quality.QualityResultsRecordedEvent.RecordedResult;

/**
 * What a {@code quality-result} rule reads, from the recorded event and the instant it was
 * reported: {@code run} with {@code contractId}, {@code version}, {@code domain}, {@code runId},
 * {@code runAt} (ISO-8601), {@code reportDelayHours} (from the run to its report, fractional),
 * {@code results} ({@code rule}, {@code severity}, {@code passed}, {@code measured} when reported),
 * {@code passed} and {@code failed} (counts) and {@code recordedBy}.
 */
public final class QualityRunFacts {

    private static final double SECONDS_PER_HOUR = 3_600.0;

    private QualityRunFacts() {
    }

    public static Map<String, Object> of(QualityResultsRecordedEvent event, Instant reportedAt) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("contractId", event.contractId());
        run.put("version", event.version());
        run.put("domain", event.domain());
        run.put("runId", event.runId());
        run.put("runAt", event.runAt().toString());
        run.put("reportDelayHours", Duration.between(event.runAt(), reportedAt).toSeconds() / SECONDS_PER_HOUR);
        run.put("results", event.results().stream().map(QualityRunFacts::result).toList());
        run.put("passed", event.results().stream().filter(RecordedResult::passed).count());
        run.put("failed", event.results().stream().filter(r -> !r.passed()).count());
        run.put("recordedBy", event.recordedBy());
        return Map.of("run", run);
    }

    private static Map<String, Object> result(RecordedResult result) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("rule", result.rule());
        fact.put("severity", result.severity());
        fact.put("passed", result.passed());
        if (result.measured() != null) {
            fact.put("measured", result.measured());
        }
        return fact;
    }
}
