package org.meshgov.infra.webhook;

import java.time.Instant;

/** One event sent to one receiver, as an operator checks it; {@code nextAttemptAt} only while pending. */
public record WebhookDelivery(long id, String eventId, String eventType, String url, WebhookDeliveryStatus status,
                              int attempts, Integer lastStatusCode, String lastError, Instant createdAt,
                              Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
}
