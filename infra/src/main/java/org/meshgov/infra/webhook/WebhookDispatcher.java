package org.meshgov.infra.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the {@link WebhookOutbox} queued, at least once per row.
 *
 * <p>No transaction is open while a receiver is called. A batch of due rows is claimed in one
 * statement ({@code FOR UPDATE SKIP LOCKED}, so several nodes never claim the same row) that leases
 * them: it moves their next attempt past the time the whole batch can take to send. Each outcome is
 * recorded in its own statement. A node that dies mid-batch leaves its rows to be claimed again when
 * the lease ends, so a receiver may see a delivery twice and should deduplicate on the event id; the
 * interrupted attempt is not counted. Times are the database's, so that nodes need not agree on theirs.
 *
 * <p>On shutdown no new request is started and the one in flight is abandoned, to be sent again later.
 */
@Component
@ConditionalOnProperty(name = "meshgov.webhooks.dispatcher-enabled", havingValue = "true", matchIfMissing = true)
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH_SIZE = 10;

    private static final String CLAIM = """
            UPDATE webhook_delivery SET next_attempt_at = now() + CAST(? AS INTERVAL)
            WHERE id IN (SELECT id FROM webhook_delivery
                         WHERE status = 'PENDING' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, event_id, event_type, url, body, attempts""";
    // Only a pending row is updated: of two nodes that sent the same row, a late failure does not undo a success.
    private static final String DELIVERED = """
            UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(),
                delivered_at = now(), last_status_code = ?, last_error = NULL
            WHERE id = ? AND status = 'PENDING'""";
    private static final String NOT_DELIVERED = """
            UPDATE webhook_delivery SET status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
                attempts = attempts + 1, last_attempt_at = now(), last_status_code = ?, last_error = ?,
                next_attempt_at = now() + CAST(? AS INTERVAL)
            WHERE id = ? AND status = 'PENDING'""";

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;
    private final Backoff backoff;
    private final Duration lease;
    // built on the first delivery: an HTTP client (TLS context, selector thread) costs half a second of a start
    private HttpClient http;
    private volatile boolean closing;
    private volatile CompletableFuture<?> inFlight;

    public WebhookDispatcher(JdbcTemplate jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        this.lease = properties.timeout().multipliedBy(BATCH_SIZE + 1);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        }
        return http;
    }

    private record Claimed(long id, String eventId, String eventType, String url, String body, int attempts) {
    }

    @Scheduled(fixedDelayString = "${meshgov.webhooks.poll-interval:1s}")
    public void dispatchDue() {
        List<Claimed> batch;
        do {
            batch = claimDue();
            for (Claimed delivery : batch) {
                if (stopping()) {
                    return;
                }
                send(delivery);
            }
        } while (batch.size() == BATCH_SIZE && !stopping());
    }

    /** Before the scheduler waits for its running task: a receiver that does not answer must not hold shutdown. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        closing = true;
        CompletableFuture<?> sending = inFlight;
        if (sending != null) {
            sending.cancel(true);
        }
    }

    private boolean stopping() {
        return closing || Thread.currentThread().isInterrupted();
    }

    private List<Claimed> claimDue() {
        return jdbc.query(CLAIM, (row, i) -> new Claimed(row.getLong("id"), row.getString("event_id"),
                row.getString("event_type"), row.getString("url"), row.getString("body"), row.getInt("attempts")),
                interval(lease), BATCH_SIZE);
    }

    private void send(Claimed delivery) {
        try {
            CompletableFuture<HttpResponse<Void>> response =
                    http().sendAsync(request(delivery), HttpResponse.BodyHandlers.discarding());
            inFlight = response;
            if (closing) {
                response.cancel(true);
            }
            int statusCode = response.get().statusCode();
            if (statusCode / 100 == 2) {
                jdbc.update(DELIVERED, statusCode, delivery.id());
            } else {
                notDelivered(delivery, statusCode, null);
            }
        } catch (ExecutionException e) {
            notDelivered(delivery, null, e.getCause().toString());
        } catch (IllegalArgumentException unsendable) {
            // a URL or header the client refuses; counted, so that it ends FAILED instead of looping on its lease
            notDelivered(delivery, null, unsendable.toString());
        } catch (CancellationException e) {
            // shutting down: the lease hands the row to the next poll, here or on another node
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight = null;
        }
    }

    private HttpRequest request(Claimed delivery) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookHeaders.SIGNATURE, WebhookSignature.sign(properties.secret(), body))
                .header(WebhookHeaders.EVENT_ID, delivery.eventId())
                .header(WebhookHeaders.EVENT_TYPE, delivery.eventType())
                .header(WebhookHeaders.DELIVERY, Long.toString(delivery.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private void notDelivered(Claimed delivery, Integer statusCode, String error) {
        int attempt = delivery.attempts() + 1;
        jdbc.update(NOT_DELIVERED, properties.maxAttempts(), statusCode, error, interval(backoff.after(attempt)),
                delivery.id());
        if (attempt >= properties.maxAttempts()) {
            log.warn("Webhook {} of event {} to {} failed after {} attempts: {}", delivery.id(), delivery.eventId(),
                    delivery.url(), attempt, statusCode != null ? "HTTP " + statusCode : error);
        }
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }
}
