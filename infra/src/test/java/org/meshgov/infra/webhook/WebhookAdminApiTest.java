package org.meshgov.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MeshgovSpringTest
class WebhookAdminApiTest {

    private static final String DELIVERIES = "/api/admin/webhooks/deliveries";

    @LocalServerPort
    int port;
    @Autowired
    WebhookOutbox outbox;

    static List<JsonNode> elements(Api.Reply reply) {
        return StreamSupport.stream(reply.json().spliterator(), false).toList();
    }

    @Test
    void aPlatformAdminSeesEachDeliveryWithItsAttempts() {
        Api api = new Api(port);
        String eventId = "webhook-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(1)) {
            outbox.enqueue(eventId, "AccessGranted", Map.of("product", "orders-placed"), List.of(receiver.url()));

            JsonNode delivery = await().atMost(Duration.ofSeconds(20)).until(
                    () -> elements(api.get("admin", DELIVERIES + "?status=DELIVERED&limit=500")).stream()
                            .filter(d -> d.path("eventId").asText().equals(eventId)).findFirst().orElse(null),
                    found -> found != null);

            assertThat(delivery.path("url").asText()).isEqualTo(receiver.url());
            assertThat(delivery.path("eventType").asText()).isEqualTo("AccessGranted");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(204);
            assertThat(delivery.path("deliveredAt").isTextual()).isTrue();
            assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
        }
    }

    @Test
    void theListingHoldsOnlyTheStatusAskedFor() {
        Api.Reply reply = new Api(port).get("admin", DELIVERIES + "?status=FAILED");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(elements(reply)).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("FAILED"));
    }

    @Test
    void anUnknownStatusIsABadRequest() {
        assertThat(new Api(port).get("admin", DELIVERIES + "?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void nobodyButAPlatformAdminSeesDeliveries() {
        Api.Reply reply = new Api(port).get("olivia", DELIVERIES);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
