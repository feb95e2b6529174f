package org.meshgov.deprecation;

import java.time.LocalDate;

public record DeprecationAcknowledgedEvent(String contractId, String version, String deprecationId, String consumerDomain, LocalDate plannedMigration, String comment, String acknowledgedBy) {
}
