package org.meshgov.policy.read;

import java.time.Instant;
import java.util.List;

/**
 * One version of the policy set: {@code status} is IN_REVIEW, ACTIVE, SUPERSEDED or REJECTED;
 * {@code activeFrom} and {@code activeUntil} bound when it was in force.
 */
public record PolicyVersionView(long version, Long basedOn, String status, String contentHash, List<String> rules,
                                List<String> changes, String reason, String proposedBy, Instant proposedAt,
                                String decidedBy, Instant decidedAt, String comment, Instant activeFrom,
                                Instant activeUntil) {
}
