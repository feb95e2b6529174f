package org.meshgov.infra.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Webhooks are written as rows, not sent, by whoever handles the event, in that handler's transaction:
 * the rows commit with the event processor's token or not at all, and the {@link WebhookDispatcher}
 * sends them later. Plain JdbcTemplate on the shared DataSource joins the caller's transaction.
 */
@Component
public class WebhookOutbox {

    private static final String ENQUEUE = """
            INSERT INTO webhook_delivery (event_id, event_type, url, body) VALUES (?, ?, ?, ?)
            ON CONFLICT (event_id, url) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final WebhookProperties properties;

    public WebhookOutbox(JdbcTemplate jdbc, ObjectMapper json, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
    }

    /** The body receivers get; {@code occurredAt} is the event's time when an event handler enqueues. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String eventId, String eventType, Instant occurredAt, Object payload) {
    }

    /** Queues the event for every configured URL; an event id already queued for a URL is not queued again. */
    public void enqueue(String eventId, String eventType, Object payload) {
        enqueue(eventId, eventType, payload, properties.urls());
    }

    public void enqueue(String eventId, String eventType, Object payload, List<String> urls) {
        if (urls.isEmpty()) {
            return;
        }
        String body = serialise(new Body(eventId, eventType, occurredAt(), payload));
        jdbc.batchUpdate(ENQUEUE, urls.stream().map(url -> new Object[] {eventId, eventType, url, body}).toList());
    }

    /** The newest deliveries first. */
    public List<WebhookDelivery> deliveries(WebhookDeliveryStatus status, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT id, event_id, event_type, url, status, attempts, last_status_code, last_error, created_at,
                       last_attempt_at, CASE WHEN status = 'PENDING' THEN next_attempt_at END AS next_attempt_at,
                       delivered_at
                FROM webhook_delivery""");
        if (status != null) {
            sql.append(" WHERE status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), WebhookOutbox::delivery, args.toArray());
    }

    private String serialise(Body body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload of " + body.eventId() + " is not serialisable as JSON", e);
        }
    }

    private static Instant occurredAt() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event
                ? event.getTimestamp() : null;
    }

    private static WebhookDelivery delivery(ResultSet row, int index) throws SQLException {
        return new WebhookDelivery(row.getLong("id"), row.getString("event_id"), row.getString("event_type"),
                row.getString("url"), WebhookDeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                row.getObject("last_status_code", Integer.class), row.getString("last_error"),
                instant(row, "created_at"), instant(row, "last_attempt_at"), instant(row, "next_attempt_at"),
                instant(row, "delivered_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
