package org.meshgov.incident;

import java.time.Instant;
import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/**
 * An incident on a contract version. {@code rule} and {@code runId} are set when a failed quality
 * rule opened it; {@code consumers} are the domains with grants in force, told at once.
 * {@code policy} is how the policy set judged an incident a person raised; null when a failed
 * quality rule opened it and on events written before policies existed.
 */
public record IncidentRaisedEvent(String incidentId, String contractId, String version, String domain,
                                  String ownerGroup, IncidentKind kind, IncidentSeverity severity, String title,
                                  String description, String rule, String runId, List<String> consumers,
                                  Instant acknowledgeBy, String raisedBy, PolicyEvaluation policy) {

    public IncidentRaisedEvent evaluatedAs(PolicyEvaluation evaluation) {
        return new IncidentRaisedEvent(incidentId, contractId, version, domain, ownerGroup, kind, severity, title,
                description, rule, runId, consumers, acknowledgeBy, raisedBy, evaluation);
    }
}
