package org.meshgov.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@MeshgovSpringTest
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WebhookProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectMapper json;

    record Granted(String product, String principal) {
    }

    static String newEventId() {
        return "webhook-" + UUID.randomUUID();
    }

    Map<String, Object> row(String eventId, String url) {
        return jdbc.queryForMap("SELECT * FROM webhook_delivery WHERE event_id = ? AND url = ?", eventId, url);
    }

    Map<String, Object> awaitStatus(String eventId, String url, WebhookDeliveryStatus status) {
        return await().atMost(PATIENCE).until(() -> row(eventId, url), row -> status.name().equals(row.get("status")));
    }

    long rows(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE event_id = ?", Long.class, eventId);
    }

    @Test
    void aDeliveryThatFailsWithServerErrorsIsRetriedUntilTheReceiverAcceptsIt() throws Exception {
        String eventId = newEventId();
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2)) {
            outbox.enqueue(eventId, "AccessGranted", new Granted("orders-placed", "mia"), List.of(receiver.url()));

            Map<String, Object> delivered = awaitStatus(eventId, receiver.url(), WebhookDeliveryStatus.DELIVERED);

            assertThat(delivered.get("attempts")).isEqualTo(3);
            assertThat(delivered.get("last_status_code")).isEqualTo(204);
            assertThat(delivered.get("last_error")).isNull();
            assertThat(delivered.get("delivered_at")).isNotNull();
            List<WebhookReceiver.Received> sent = receiver.receivedFor(eventId);
            assertThat(sent).hasSize(3);
            assertThat(sent).extracting(WebhookReceiver.Received::text).containsOnly((String) delivered.get("body"));
            WebhookReceiver.Received last = sent.get(2);
            assertThat(last.header("Content-Type")).isEqualTo("application/json");
            assertThat(last.header(WebhookHeaders.EVENT_TYPE)).isEqualTo("AccessGranted");
            assertThat(last.header(WebhookHeaders.DELIVERY)).isEqualTo(delivered.get("id").toString());
            JsonNode body = json.readTree(last.body());
            assertThat(body.path("eventId").asText()).isEqualTo(eventId);
            assertThat(body.path("eventType").asText()).isEqualTo("AccessGranted");
            assertThat(body.path("payload").path("principal").asText()).isEqualTo("mia");
        }
    }

    @Test
    void theSignatureVerifiesWithTheConfiguredSecretAndWithNoOther() {
        String eventId = newEventId();
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(0)) {
            outbox.enqueue(eventId, "AccessRevoked", new Granted("orders-placed", "mia"), List.of(receiver.url()));

            WebhookReceiver.Received received = await().atMost(PATIENCE)
                    .until(() -> receiver.receivedFor(eventId), sent -> !sent.isEmpty()).get(0);

            String signature = received.header(WebhookHeaders.SIGNATURE);
            assertThat(signature).startsWith("sha256=");
            assertThat(WebhookSignature.verify("test-secret", received.body(), signature)).isTrue();
            assertThat(WebhookSignature.verify("another-secret", received.body(), signature)).isFalse();
        }
    }

    @Test
    void aRedeliveredEventIsSentOnlyOnce() {
        String eventId = newEventId();
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(0)) {
            outbox.enqueue(eventId, "AccessGranted", new Granted("orders-placed", "mia"), List.of(receiver.url()));
            outbox.enqueue(eventId, "AccessGranted", new Granted("orders-placed", "mia"), List.of(receiver.url()));
            awaitStatus(eventId, receiver.url(), WebhookDeliveryStatus.DELIVERED);

            outbox.enqueue(eventId, "AccessGranted", new Granted("orders-placed", "mia"), List.of(receiver.url()));

            assertThat(rows(eventId)).isEqualTo(1);
            Map<String, Object> delivered = row(eventId, receiver.url());
            assertThat(delivered.get("status")).isEqualTo("DELIVERED");
            assertThat(delivered.get("attempts")).isEqualTo(1);
            assertThat(receiver.receivedFor(eventId)).hasSize(1);
        }
    }

    @Test
    void aReceiverThatNeverRecoversEndsFailedAfterTheLastAttempt() {
        String eventId = newEventId();
        try (WebhookReceiver receiver = WebhookReceiver.alwaysFailing()) {
            outbox.enqueue(eventId, "AccessExpired", new Granted("orders-placed", "mia"), List.of(receiver.url()));

            Map<String, Object> failed = awaitStatus(eventId, receiver.url(), WebhookDeliveryStatus.FAILED);

            assertThat(failed.get("attempts")).isEqualTo(properties.maxAttempts());
            assertThat(failed.get("last_status_code")).isEqualTo(500);
            assertThat(failed.get("delivered_at")).isNull();
            assertThat(receiver.receivedFor(eventId)).hasSize(properties.maxAttempts());
        }
    }

    @Test
    void anUnreachableReceiverIsRecordedWithTheError() {
        String eventId = newEventId();
        String url;
        try (WebhookReceiver gone = WebhookReceiver.failingFirst(0)) {
            url = gone.url();
        }
        outbox.enqueue(eventId, "AccessExpired", new Granted("orders-placed", "mia"), List.of(url));

        Map<String, Object> failed = awaitStatus(eventId, url, WebhookDeliveryStatus.FAILED);

        assertThat(failed.get("attempts")).isEqualTo(properties.maxAttempts());
        assertThat(failed.get("last_status_code")).isNull();
        assertThat((String) failed.get("last_error")).contains("ConnectException");
    }

    @Test
    void aUrlTheHttpClientRefusesEndsFailedInsteadOfBeingRetriedForever() {
        String eventId = newEventId();
        String url = "ftp://127.0.0.1/hook";
        outbox.enqueue(eventId, "AccessExpired", new Granted("orders-placed", "mia"), List.of(url));

        Map<String, Object> failed = awaitStatus(eventId, url, WebhookDeliveryStatus.FAILED);

        assertThat(failed.get("attempts")).isEqualTo(properties.maxAttempts());
        assertThat((String) failed.get("last_error")).contains("IllegalArgumentException");
    }

    @Test
    void anEventGoesToEveryReceiver() {
        String eventId = newEventId();
        try (WebhookReceiver first = WebhookReceiver.failingFirst(0);
             WebhookReceiver second = WebhookReceiver.failingFirst(0)) {
            outbox.enqueue(eventId, "AccessGranted", new Granted("orders-placed", "mia"),
                    List.of(first.url(), second.url()));

            awaitStatus(eventId, first.url(), WebhookDeliveryStatus.DELIVERED);
            awaitStatus(eventId, second.url(), WebhookDeliveryStatus.DELIVERED);

            assertThat(rows(eventId)).isEqualTo(2);
            assertThat(first.receivedFor(eventId)).hasSize(1);
            assertThat(second.receivedFor(eventId)).hasSize(1);
        }
    }

    @Test
    void withoutUrlsNothingIsQueued() {
        String eventId = newEventId();
        outbox.enqueue(eventId, "AccessGranted", new Granted("orders-placed", "mia"), List.of());

        assertThat(rows(eventId)).isZero();
    }

    @Test
    void theOutboxCommitsAndRollsBackWithTheCallersTransaction() {
        String eventId = newEventId();
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            outbox.enqueue(eventId, "AccessGranted", new Granted("orders-placed", "mia"),
                    List.of("http://127.0.0.1:9/never-sent"));
            assertThat(rows(eventId)).isEqualTo(1);
            transaction.setRollbackOnly();
        });

        assertThat(rows(eventId)).isZero();
    }
}
