package org.meshgov.infra.webhook;

public enum WebhookDeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** No 2xx after the configured number of attempts; never tried again. */
    FAILED
}
