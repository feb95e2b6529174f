package org.meshgov.deprecation;

import java.time.Instant;

public record DeprecationSunsetExtendedEvent(String contractId, String version, String deprecationId, Instant previousSunset, Instant newSunset, String reason, String extendedBy) {
}
