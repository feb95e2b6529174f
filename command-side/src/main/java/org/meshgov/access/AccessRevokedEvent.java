package org.meshgov.access;

public record AccessRevokedEvent(String grantId, String contractId, long majorVersion, String consumerDomain,
                                 String reason, String revokedBy) {
}
