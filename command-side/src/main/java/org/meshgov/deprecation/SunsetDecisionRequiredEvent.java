package org.meshgov.deprecation;

import java.util.List;

public record SunsetDecisionRequiredEvent(String contractId, String version, String deprecationId, List<String> pendingConsumers) {
}
