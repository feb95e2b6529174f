package org.meshgov.deprecation;

public record DeprecationConsumerAddedEvent(String contractId, String version, String deprecationId, Consumer consumer) {
}
