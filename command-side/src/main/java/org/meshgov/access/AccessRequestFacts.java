package org.meshgov.access;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@code access-request} rule reads, from the requested event and the instant it was asked:
 * {@code request} with {@code requestId}, {@code contractId}, {@code majorVersion},
 * {@code contractVersion}, {@code owningDomain}, {@code consumerDomain}, {@code purpose},
 * {@code properties}, {@code sensitiveProperties}, {@code durationDays} (from then to {@code until},
 * fractional), {@code renewal}, {@code ownDomain} and {@code requestedBy}.
 */
public final class AccessRequestFacts {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private AccessRequestFacts() {
    }

    public static Map<String, Object> of(AccessRequestedEvent event, Instant requestedAt) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", event.requestId());
        request.put("contractId", event.contractId());
        request.put("majorVersion", event.majorVersion());
        request.put("contractVersion", event.contractVersion());
        request.put("owningDomain", event.owningDomain());
        request.put("consumerDomain", event.consumerDomain());
        request.put("purpose", event.purpose());
        request.put("properties", event.properties());
        request.put("sensitiveProperties", event.sensitiveProperties());
        request.put("durationDays", Duration.between(requestedAt, event.until()).toSeconds() / SECONDS_PER_DAY);
        request.put("renewal", event.renewsGrantId() != null);
        request.put("ownDomain", event.owningDomain().equals(event.consumerDomain()));
        request.put("requestedBy", event.requestedBy());
        return Map.of("request", request);
    }
}
