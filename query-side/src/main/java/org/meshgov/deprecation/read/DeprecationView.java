package org.meshgov.deprecation.read;

import java.time.Instant;
import java.util.List;

public record DeprecationView(String deprecationId, String contractId, String version, long majorVersion,
                              String domain, String reason, Instant sunset, String replacementVersion, String status,
                              boolean sunsetDecisionDue, String deprecatedBy, Instant deprecatedAt, Instant closedAt,
                              String closeReason, List<ConsumerView> consumers) {
}
