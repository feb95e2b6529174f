package org.meshgov.infra.webhook;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.incident.IncidentResolvedEvent;
import org.springframework.stereotype.Component;

/**
 * Tells consumers' systems when data they use breaks and when it is fixed; the payload lists the
 * consumer domains with grants in force. Once per event and URL, never on replay, like grants.
 */
@Component
@ProcessingGroup(IncidentWebhooks.PROCESSING_GROUP)
@DisallowReplay
public class IncidentWebhooks {

    public static final String PROCESSING_GROUP = "incident-webhooks";

    private final WebhookOutbox outbox;

    public IncidentWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @EventHandler
    void on(IncidentRaisedEvent event, EventMessage<?> message) {
        outbox.enqueue(message.getIdentifier(), "incident.raised", event);
    }

    @EventHandler
    void on(IncidentResolvedEvent event, EventMessage<?> message) {
        outbox.enqueue(message.getIdentifier(), "incident.resolved", event);
    }
}
