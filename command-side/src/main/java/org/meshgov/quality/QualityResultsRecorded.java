package org.meshgov.quality;

import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/** What the pipeline learns: the policy set's findings ({@code warnings}: advisory ones, one line each). */
public record QualityResultsRecorded(List<String> warnings, PolicyEvaluation policy) {
}
