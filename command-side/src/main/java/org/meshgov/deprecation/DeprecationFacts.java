package org.meshgov.deprecation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code deprecation} rule reads, from the deprecated event and the instant it was decided:
 * {@code deprecation} with {@code contractId}, {@code version}, {@code domain}, {@code reason},
 * {@code noticeDays} (from then to the sunset, fractional), {@code consumers} (domain names),
 * {@code replacementVersion} ({@code ''} when none) and {@code deprecatedBy}.
 */
public final class DeprecationFacts {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private DeprecationFacts() {
    }

    public static Map<String, Object> of(ContractVersionDeprecatedEvent event, Instant decidedAt) {
        Map<String, Object> deprecation = new LinkedHashMap<>();
        deprecation.put("contractId", event.contractId());
        deprecation.put("version", event.version());
        deprecation.put("domain", event.domain());
        deprecation.put("reason", event.reason() == null ? "" : event.reason());
        deprecation.put("noticeDays", Duration.between(decidedAt, event.sunset()).toSeconds() / SECONDS_PER_DAY);
        deprecation.put("consumers", event.consumers().stream().map(Consumer::domain).toList());
        deprecation.put("replacementVersion", event.replacementVersion() == null ? "" : event.replacementVersion());
        deprecation.put("deprecatedBy", event.deprecatedBy());
        return Map.of("deprecation", deprecation);
    }
}
