package org.meshgov.contract.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.contract.ContractProposalWithdrawnEvent;
import org.meshgov.contract.ContractReviewDecidedEvent;
import org.meshgov.contract.ContractReviewEscalatedEvent;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.contract.ContractVersionPublishedEvent;
import org.meshgov.contract.ContractVersionRejectedEvent;
import org.meshgov.contract.ContractVersionStatus;
import org.meshgov.contract.ReviewDecision;
import org.meshgov.contract.compatibility.SemanticVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The contract catalog, one row per version, rebuilt from the event log alone. */
@Component
@ProcessingGroup(ContractCatalogProjection.PROCESSING_GROUP)
public class ContractCatalogProjection {

    public static final String PROCESSING_GROUP = "contract-catalog";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ContractCatalogProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ContractVersionProposedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        SemanticVersion version = SemanticVersion.parse(event.version()).orElseThrow();
        JsonNode document = event.document();
        jdbc.update("""
                INSERT INTO catalog_contract_version (contract_id, version, major, minor, patch, revision, status,
                    domain, name, description, property_names, proposed_by, proposed_at, content_hash,
                    compared_with, change_level, changes, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::json)
                ON CONFLICT (contract_id, version) DO UPDATE SET revision = excluded.revision,
                    status = excluded.status, name = excluded.name, description = excluded.description,
                    property_names = excluded.property_names, proposed_at = excluded.proposed_at,
                    content_hash = excluded.content_hash, compared_with = excluded.compared_with,
                    change_level = excluded.change_level, changes = excluded.changes,
                    document = excluded.document, decided_at = NULL, status_reason = NULL""",
                event.contractId(), event.version(), version.major(), version.minor(), version.patch(),
                event.revision(), ContractVersionStatus.IN_REVIEW.name(), event.domain(), event.name(),
                descriptionOf(document), propertyNamesOf(document), event.proposedBy(), Timestamp.from(at),
                event.contentHash(), event.comparedWith(), event.changeLevel().name(), write(event.changes()),
                write(document));
    }

    @EventHandler
    void on(ContractReviewDecidedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("revision", event.revision());
        review.put("stage", event.stage().name());
        review.put("decision", event.decision().wireName());
        review.put("comment", event.comment());
        review.put("decidedBy", event.decidedBy());
        review.put("decidedAt", at.toString());
        review.put("reviewedContentHash", event.reviewedContentHash());
        boolean changesRequested = event.decision() == ReviewDecision.REQUEST_CHANGES;
        jdbc.update("""
                UPDATE catalog_contract_version SET reviews = reviews || ?::jsonb,
                    status = CASE WHEN ? THEN 'CHANGES_REQUESTED' ELSE status END,
                    status_reason = CASE WHEN ? THEN ? ELSE status_reason END
                WHERE contract_id = ? AND version = ?""",
                "[" + write(review) + "]", changesRequested, changesRequested, event.comment(),
                event.contractId(), event.version());
    }

    @EventHandler
    void on(ContractVersionPublishedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                UPDATE catalog_contract_version SET status = 'PUBLISHED', published_at = ?, decided_at = ?,
                    status_reason = ?
                WHERE contract_id = ? AND version = ?""",
                Timestamp.from(at), Timestamp.from(at), event.automaticReason(), event.contractId(), event.version());
    }

    @EventHandler
    void on(ContractVersionRejectedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        close(event.contractId(), event.version(), ContractVersionStatus.REJECTED, event.reason(), at);
    }

    @EventHandler
    void on(ContractProposalWithdrawnEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        close(event.contractId(), event.version(), ContractVersionStatus.WITHDRAWN, event.reason(), at);
    }

    @EventHandler
    void on(ContractReviewEscalatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> escalation = new LinkedHashMap<>();
        escalation.put("revision", event.revision());
        escalation.put("stage", event.stage().name());
        escalation.put("escalatedTo", event.escalatedTo());
        escalation.put("escalatedAt", at.toString());
        jdbc.update("""
                UPDATE catalog_contract_version SET escalations = escalations || ?::jsonb
                WHERE contract_id = ? AND version = ?""",
                "[" + write(escalation) + "]", event.contractId(), event.version());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM catalog_contract_version");
    }

    private void close(String contractId, String version, ContractVersionStatus status, String reason, Instant at) {
        jdbc.update("""
                UPDATE catalog_contract_version SET status = ?, status_reason = ?, decided_at = ?
                WHERE contract_id = ? AND version = ?""",
                status.name(), reason, Timestamp.from(at), contractId, version);
    }

    private static String descriptionOf(JsonNode document) {
        JsonNode description = document.path("description");
        if (description.isTextual()) {
            return description.asText();
        }
        return description.isObject() ? description.path("purpose").asText(null) : null;
    }

    /** Object and property names, space separated, for the catalog's text search. */
    private static String propertyNamesOf(JsonNode document) {
        TreeSet<String> names = new TreeSet<>();
        collectNames(document.path("schema"), names);
        return String.join(" ", names);
    }

    private static void collectNames(JsonNode elements, TreeSet<String> names) {
        for (JsonNode element : elements) {
            if (element.path("name").isTextual()) {
                names.add(element.path("name").asText());
            }
            collectNames(element.path("properties"), names);
            if (element.path("items").isObject()) {
                collectNames(element.path("items").path("properties"), names);
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write catalog JSON", e);
        }
    }
}
