package org.meshgov.deprecation;

public record ConsumerMigratedEvent(String contractId, String version, String deprecationId, String consumerDomain, String how, String confirmedBy) {
}
