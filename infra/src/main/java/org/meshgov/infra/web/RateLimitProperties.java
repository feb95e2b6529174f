package org.meshgov.infra.web;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Writes each user may send per period; {@code users} gives named users (pipelines, say) their own
 * limit. Reads are not limited.
 */
@ConfigurationProperties("meshgov.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") int writes,
        @DefaultValue("1s") Duration period,
        @DefaultValue Map<String, Integer> users) {

    public RateLimitProperties {
        if (writes < 1 || users.values().stream().anyMatch(limit -> limit < 1)) {
            throw new IllegalArgumentException("meshgov.rate-limit: every limit is at least 1 write per period");
        }
    }

    int writesFor(String user) {
        return users.getOrDefault(user, writes);
    }
}
