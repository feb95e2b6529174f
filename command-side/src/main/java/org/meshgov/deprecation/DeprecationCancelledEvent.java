package org.meshgov.deprecation;

public record DeprecationCancelledEvent(String contractId, String version, String deprecationId, String reason, String cancelledBy) {
}
