package org.meshgov.infra.webhook;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.meshgov.access.AccessEndedEvent;
import org.meshgov.access.AccessExpiredEvent;
import org.meshgov.access.AccessGrantedEvent;
import org.meshgov.access.AccessRevokedEvent;
import org.springframework.stereotype.Component;

/**
 * Tells provisioning systems about every grant, expiry and revocation. The outbox row is written in
 * the processor's transaction, keyed by the event id, and replays never run this handler, so each
 * event is announced once per URL.
 */
@Component
@ProcessingGroup(AccessWebhooks.PROCESSING_GROUP)
@DisallowReplay
public class AccessWebhooks {

    public static final String PROCESSING_GROUP = "access-webhooks";

    private final WebhookOutbox outbox;

    public AccessWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @EventHandler
    void on(AccessGrantedEvent event, EventMessage<?> message) {
        outbox.enqueue(message.getIdentifier(), "access.granted", event);
    }

    @EventHandler
    void on(AccessExpiredEvent event, EventMessage<?> message) {
        outbox.enqueue(message.getIdentifier(), "access.expired", event);
    }

    @EventHandler
    void on(AccessRevokedEvent event, EventMessage<?> message) {
        outbox.enqueue(message.getIdentifier(), "access.revoked", event);
    }

    @EventHandler
    void on(AccessEndedEvent event, EventMessage<?> message) {
        outbox.enqueue(message.getIdentifier(), "access.ended", event);
    }
}
