package org.meshgov.access.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A request with every decision on it; once granted, {@code requestId} is also the grant id. */
public record AccessRequestView(String requestId, String contractId, long majorVersion, String contractVersion,
                                String owningDomain, String consumerDomain, String purpose, JsonNode properties,
                                JsonNode sensitiveProperties, Instant until, String status, JsonNode approvalsNeeded,
                                JsonNode decisions, String requestedBy, Instant requestedAt, String renewsGrantId,
                                Instant grantedAt, JsonNode approvedBy, String automaticReason, Instant escalatedAt,
                                Instant renewalDeclinedAt, Instant endedAt, String endReason) {
}
