package org.meshgov.deprecation;

public record DeprecationObjectedEvent(String contractId, String version, String deprecationId, String consumerDomain, String reason, String objectedBy) {
}
