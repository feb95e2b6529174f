package org.meshgov.contract.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A version as the catalog lists it; {@code reviews} holds every decision with the content hash it
 * pinned; {@code sunset} and {@code replacementVersion} are set while it is deprecated.
 */
public record ContractVersionView(String version, int revision, String status, String statusReason,
                                  String proposedBy, Instant proposedAt, Instant decidedAt, Instant publishedAt,
                                  String contentHash, String comparedWith, String changeLevel, JsonNode changes,
                                  JsonNode reviews, JsonNode escalations, Instant sunset, String replacementVersion,
                                  String deprecationId) {
}
