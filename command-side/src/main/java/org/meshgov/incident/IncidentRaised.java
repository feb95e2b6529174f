package org.meshgov.incident;

import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/** The raised incident's id, and what the policy set found ({@code warnings}: advisory findings, one line each). */
public record IncidentRaised(String incidentId, List<String> warnings, PolicyEvaluation policy) {
}
