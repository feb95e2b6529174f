package org.meshgov.infra.webhook;

/** What a receiver gets besides the body; the delivery id is the same on every retry of one row. */
public final class WebhookHeaders {

    public static final String SIGNATURE = "X-Meshgov-Signature";
    public static final String EVENT_ID = "X-Meshgov-Event-Id";
    public static final String EVENT_TYPE = "X-Meshgov-Event-Type";
    public static final String DELIVERY = "X-Meshgov-Delivery";

    private WebhookHeaders() {
    }
}
