package org.meshgov.access.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

public record AccessGrantView(String grantId, String contractId, long majorVersion, String consumerDomain,
                              JsonNode properties, Instant until, String status, Instant grantedAt,
                              JsonNode approvedBy, Instant endedAt) {
}
