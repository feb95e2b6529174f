package org.meshgov.access;

import java.time.Instant;
import java.util.List;

/** The grant id is the request id. {@code automaticReason} is set when nobody had to approve. */
public record AccessGrantedEvent(String grantId, String contractId, long majorVersion, String consumerDomain,
                                 List<String> properties, Instant until, List<String> approvedBy,
                                 String automaticReason) {
}
