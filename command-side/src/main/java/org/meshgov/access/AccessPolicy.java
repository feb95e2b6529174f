package org.meshgov.access;

import java.time.Duration;

/**
 * The configurable guardrails of access: how long a grant may last at most, how much a purpose
 * must say, and how long before expiry the consumer is asked to renew.
 */
public record AccessPolicy(Duration maxGrantDuration, int minPurposeLength, Duration renewalNotice) {

    public static AccessPolicy defaults() {
        return new AccessPolicy(Duration.ofDays(365), 20, Duration.ofDays(14));
    }
}
