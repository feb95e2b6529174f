package org.meshgov.access;

import java.time.Instant;

public record AccessExpiredEvent(String grantId, String contractId, long majorVersion, String consumerDomain,
                                 Instant until) {
}
