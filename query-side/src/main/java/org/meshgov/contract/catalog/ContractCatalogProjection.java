package org.meshgov.contract.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.stereotype.Component;

/**
 * The contract catalog, one row per version, rebuilt from the event log alone. What each event does to
 * its row is decided here, on the whole row ({@link CatalogVersionRow}); {@link CatalogVersionStore}
 * reads and writes rows, at once, per batch, or in a bulk rebuild.
 */
@Component
@ProcessingGroup(ContractCatalogProjection.PROCESSING_GROUP)
public class ContractCatalogProjection {

    public static final String PROCESSING_GROUP = "contract-catalog";

    private final CatalogVersionStore rows;
    private final ObjectMapper json;

    public ContractCatalogProjection(CatalogVersionStore rows, ObjectMapper json) {
        this.rows = rows;
        this.json = json;
    }

    @EventHandler
    void on(ContractVersionProposedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        JsonNode document = event.document();
        CatalogVersionRow row = rows.find(event.contractId(), event.version());
        if (row == null) {
            SemanticVersion version = SemanticVersion.parse(event.version()).orElseThrow();
            row = rows.create(event.contractId(), event.version());
            row.major = version.major();
            row.minor = version.minor();
            row.patch = version.patch();
            row.domain = event.domain();
            row.proposedBy = event.proposedBy();
        }
        // a revision proposed again keeps the first proposal's author, its reviews and escalations
        row.revision = event.revision();
        row.status = ContractVersionStatus.IN_REVIEW.name();
        row.name = event.name();
        row.description = descriptionOf(document);
        row.propertyNames = propertyNamesOf(document);
        row.proposedAt = at;
        row.contentHash = event.contentHash();
        row.comparedWith = event.comparedWith();
        row.changeLevel = event.changeLevel().name();
        row.changes = write(event.changes());
        row.document = write(document);
        row.decidedAt = null;
        row.statusReason = null;
        rows.save(row);
    }

    @EventHandler
    void on(ContractReviewDecidedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        CatalogVersionRow row = rows.find(event.contractId(), event.version());
        if (row == null) {
            return;
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("revision", event.revision());
        review.put("stage", event.stage().name());
        review.put("decision", event.decision().wireName());
        review.put("comment", event.comment());
        review.put("decidedBy", event.decidedBy());
        review.put("decidedAt", at.toString());
        review.put("reviewedContentHash", event.reviewedContentHash());
        row.reviews.add(write(review));
        if (event.decision() == ReviewDecision.REQUEST_CHANGES) {
            row.status = ContractVersionStatus.CHANGES_REQUESTED.name();
            row.statusReason = event.comment();
        }
        rows.save(row);
    }

    @EventHandler
    void on(ContractVersionPublishedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        CatalogVersionRow row = rows.find(event.contractId(), event.version());
        if (row == null) {
            return;
        }
        row.status = ContractVersionStatus.PUBLISHED.name();
        row.publishedAt = at;
        row.decidedAt = at;
        row.statusReason = event.automaticReason();
        rows.save(row);
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
        CatalogVersionRow row = rows.find(event.contractId(), event.version());
        if (row == null) {
            return;
        }
        Map<String, Object> escalation = new LinkedHashMap<>();
        escalation.put("revision", event.revision());
        escalation.put("stage", event.stage().name());
        escalation.put("escalatedTo", event.escalatedTo());
        escalation.put("escalatedAt", at.toString());
        row.escalations.add(write(escalation));
        rows.save(row);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }

    private void close(String contractId, String version, ContractVersionStatus status, String reason, Instant at) {
        CatalogVersionRow row = rows.find(contractId, version);
        if (row == null) {
            return;
        }
        row.status = status.name();
        row.statusReason = reason;
        row.decidedAt = at;
        rows.save(row);
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
