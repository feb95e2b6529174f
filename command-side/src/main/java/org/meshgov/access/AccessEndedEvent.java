package org.meshgov.access;

public record AccessEndedEvent(String grantId, String contractId, long majorVersion, String consumerDomain,
                               String reason) {
}
