package org.meshgov.deprecation.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.contract.catalog.CatalogVersionRow;
import org.meshgov.contract.catalog.CatalogVersionStore;
import org.meshgov.contract.catalog.ContractCatalogProjection;
import org.meshgov.deprecation.ConsumerMigratedEvent;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.ContractVersionRetiredEvent;
import org.meshgov.deprecation.DeprecationAcknowledgedEvent;
import org.meshgov.deprecation.DeprecationCancelledEvent;
import org.meshgov.deprecation.DeprecationConsumerAddedEvent;
import org.meshgov.deprecation.DeprecationObjectedEvent;
import org.meshgov.deprecation.DeprecationRemindersSentEvent;
import org.meshgov.deprecation.DeprecationSunsetExtendedEvent;
import org.meshgov.deprecation.SunsetDecisionRequiredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deprecations and, per consumer, whether it acknowledged, when it plans to migrate, whether it
 * migrated and when it was last reminded; plus the deprecated and retired status in the catalog.
 */
@Component
@ProcessingGroup(ContractCatalogProjection.PROCESSING_GROUP) // in step with the catalog rows it updates
public class DeprecationProjection {
    private static final TypeReference<Map<String, ConsumerView>> CONSUMERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CatalogVersionStore catalog;

    public DeprecationProjection(JdbcTemplate jdbc, ObjectMapper json, CatalogVersionStore catalog) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
    }

    @EventHandler
    void on(ContractVersionDeprecatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, ConsumerView> consumers = new LinkedHashMap<>();
        event.consumers().forEach(c -> consumers.put(c.domain(), ConsumerView.notified(c.domain(), at)));
        jdbc.update("""
                INSERT INTO deprecation (deprecation_id, contract_id, version, major, domain, reason, sunset,
                    replacement_version, status, deprecated_by, deprecated_at, consumers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?::jsonb)
                ON CONFLICT (deprecation_id) DO NOTHING""",
                event.deprecationId(), event.contractId(), event.version(), event.majorVersion(), event.domain(),
                event.reason(), Timestamp.from(event.sunset()), event.replacementVersion(), event.deprecatedBy(),
                Timestamp.from(at), write(consumers));
        CatalogVersionRow row = catalog.find(event.contractId(), event.version());
        if (row != null) {
            row.deprecated(event.sunset(), event.replacementVersion(), event.deprecationId(), event.reason());
            catalog.save(row);
        }
    }

    @EventHandler
    void on(DeprecationConsumerAddedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        updateConsumers(event.deprecationId(),
                consumers -> consumers.put(event.consumer().domain(), ConsumerView.notified(event.consumer().domain(), at)));
    }

    @EventHandler
    void on(DeprecationAcknowledgedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        updateConsumers(event.deprecationId(), consumers -> consumers.computeIfPresent(event.consumerDomain(),
                (d, c) -> c.acknowledged(event.plannedMigration(), event.acknowledgedBy(), at)));
    }

    @EventHandler
    void on(DeprecationObjectedEvent event) {
        updateConsumers(event.deprecationId(), consumers -> consumers.computeIfPresent(event.consumerDomain(),
                (d, c) -> c.objected(event.reason(), event.objectedBy())));
    }

    @EventHandler
    void on(ConsumerMigratedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        updateConsumers(event.deprecationId(), consumers -> consumers.computeIfPresent(event.consumerDomain(),
                (d, c) -> c.migrated(event.how(), at)));
    }

    @EventHandler
    void on(DeprecationRemindersSentEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        updateConsumers(event.deprecationId(), consumers -> event.consumers().forEach(domain ->
                consumers.computeIfPresent(domain, (d, c) -> c.reminded(event.reminder().name(), at))));
    }

    @EventHandler
    void on(SunsetDecisionRequiredEvent event) {
        jdbc.update("UPDATE deprecation SET sunset_decision_due = TRUE WHERE deprecation_id = ?",
                event.deprecationId());
    }

    @EventHandler
    void on(DeprecationSunsetExtendedEvent event) {
        jdbc.update("UPDATE deprecation SET sunset = ?, sunset_decision_due = FALSE WHERE deprecation_id = ?",
                Timestamp.from(event.newSunset()), event.deprecationId());
        CatalogVersionRow row = catalog.find(event.contractId(), event.version());
        if (row != null) {
            row.sunsetExtended(event.newSunset());
            catalog.save(row);
        }
    }

    @EventHandler
    void on(ContractVersionRetiredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        close(event.deprecationId(), "RETIRED", event.reason(), at);
        CatalogVersionRow row = catalog.find(event.contractId(), event.version());
        if (row != null) {
            row.retired(event.reason());
            catalog.save(row);
        }
    }

    @EventHandler
    void on(DeprecationCancelledEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        close(event.deprecationId(), "CANCELLED", event.reason(), at);
        CatalogVersionRow row = catalog.find(event.contractId(), event.version());
        if (row != null) {
            row.deprecationCancelled();
            catalog.save(row);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM deprecation");
    }

    private void close(String deprecationId, String status, String reason, Instant at) {
        jdbc.update("""
                UPDATE deprecation SET status = ?, close_reason = ?, closed_at = ?, sunset_decision_due = FALSE
                WHERE deprecation_id = ?""", status, reason, Timestamp.from(at), deprecationId);
    }

    private void updateConsumers(String deprecationId, Consumer<Map<String, ConsumerView>> change) {
        List<String> stored = jdbc.queryForList("SELECT consumers::text FROM deprecation WHERE deprecation_id = ?",
                String.class, deprecationId);
        if (stored.isEmpty()) {
            return;
        }
        try {
            Map<String, ConsumerView> consumers = new LinkedHashMap<>(json.readValue(stored.get(0), CONSUMERS));
            change.accept(consumers);
            jdbc.update("UPDATE deprecation SET consumers = ?::jsonb WHERE deprecation_id = ?", write(consumers),
                    deprecationId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("deprecation read model holds invalid JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write deprecation JSON", e);
        }
    }
}
