package org.meshgov.infra.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where grants, expiries and revocations are published and how hard delivery is tried. A receiver
 * without a secret could not tell our webhooks from anyone else's, so URLs without a secret refuse
 * to start rather than send unsigned.
 */
@ConfigurationProperties("meshgov.webhooks")
public record WebhookProperties(
        @DefaultValue List<String> urls,
        String secret,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration timeout) {

    public WebhookProperties {
        // MESHGOV_WEBHOOK_URLS="a, b," is a list of two
        urls = urls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
        urls.forEach(WebhookProperties::requireHttp);
        if (!urls.isEmpty() && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException(
                    "meshgov.webhooks.secret (MESHGOV_WEBHOOK_SECRET) is required to sign webhooks to " + urls);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("meshgov.webhooks.max-attempts must be at least 1");
        }
    }

    private static void requireHttp(String url) {
        String scheme = URI.create(url).getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("meshgov.webhooks.urls: not an http(s) URL: " + url);
        }
    }
}
