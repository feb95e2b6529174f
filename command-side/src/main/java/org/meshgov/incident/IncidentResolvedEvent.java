package org.meshgov.incident;

import java.util.List;

public record IncidentResolvedEvent(String incidentId, String contractId, String domain, String rule,
                                    ResolutionReason reason, String comment, boolean postmortemRequired,
                                    List<String> consumers, String resolvedBy) {
}
