package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.camunda.bpm.engine.HistoryService;
import org.meshgov.infra.projection.CatalogBulkRebuild;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.review.ContractReviewProcess;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Projections come from the event log alone, and replaying it never starts a process again. */
@MeshgovSpringTest
class CatalogRebuildTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    CatalogBulkRebuild bulk;
    @Autowired
    EventProcessingConfiguration processing;

    List<Map<String, Object>> catalog() {
        return jdbc.queryForList("""
                SELECT contract_id, version, revision, status, content_hash, change_level, changes::text, reviews::text
                FROM catalog_contract_version ORDER BY contract_id, version""");
    }

    @Test
    void rebuildingTheCatalogGivesTheSameCatalogAndStartsNoProcess() {
        Api api = new Api(port);
        String contractId = "rebuild-" + UUID.randomUUID();
        api.post("mike", "/api/contracts", "application/yaml", Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(contractId + ":1.0.0").count() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia", "/api/contracts/" + contractId).status() == 200);
        List<Map<String, Object>> before = catalog();
        long processesBefore = history.createHistoricProcessInstanceQuery().count();

        assertThat(api.post("admin", "/api/admin/projections/contract-catalog/rebuild", "application/json", "")
                .status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> catalog().equals(before));
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    List<Map<String, Object>> readModels() {
        return jdbc.queryForList("""
                SELECT 'version' AS kind, contract_id || '/' || version AS id, status, reviews::text AS detail
                FROM catalog_contract_version
                UNION ALL SELECT 'deprecation', deprecation_id, status, consumers::text FROM deprecation
                UNION ALL SELECT 'access', request_id, status, decisions::text FROM access_request
                ORDER BY 1, 2""");
    }

    @Test
    void rebuildingEveryProjectionGivesTheSameReadModelsAndRepeatsNoSideEffect() {
        Api api = new Api(port);
        List<Map<String, Object>> before = readModels();
        long processesBefore = history.createHistoricProcessInstanceQuery().count();
        long deliveriesBefore = jdbc.queryForObject("SELECT count(*) FROM webhook_delivery", Long.class);

        JsonNode projections = api.get("admin", "/api/admin/projections").json();
        for (JsonNode projection : projections) {
            if (projection.path("replayable").asBoolean()) {
                assertThat(api.post("admin", "/api/admin/projections/" + projection.path("name").asText()
                        + "/rebuild", "application/json", "").status()).isEqualTo(202);
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> readModels().equals(before));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode catalog = api.get("admin", "/api/admin/projections/contract-catalog").json();
            return !catalog.path("replaying").asBoolean()
                    && catalog.path("position").asLong() == catalog.path("head").asLong();
        });
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(processesBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_delivery", Long.class))
                .isEqualTo(deliveriesBefore);
    }

    List<Map<String, Object>> catalogRows() {
        return jdbc.queryForList("""
                SELECT contract_id, version, major, minor, patch, revision, status, domain, name, description,
                    property_names, proposed_by, proposed_at, decided_at, published_at, content_hash, compared_with,
                    change_level, changes::text, document::text, reviews::text, escalations::text, status_reason,
                    sunset, replacement_version, deprecation_id
                FROM catalog_contract_version ORDER BY contract_id, version""");
    }

    List<Map<String, Object>> deprecationRows() {
        return jdbc.queryForList("""
                SELECT deprecation_id, contract_id, version, major, domain, reason, sunset, replacement_version,
                    status, deprecated_by, deprecated_at, consumers::text, close_reason, closed_at, sunset_decision_due
                FROM deprecation ORDER BY deprecation_id""");
    }

    List<String> searchIndexes() {
        return jdbc.queryForList("""
                SELECT indexdef FROM pg_indexes WHERE tablename = 'catalog_contract_version' ORDER BY indexname""",
                String.class);
    }

    /**
     * The bulk rebuild (ADR 15) gives the catalog and the deprecations the live handlers built, every
     * column of every row: versions sent back and revised, published, deprecated, still in review.
     * Search still finds them, on the same indexes, and the processor goes on with new events.
     */
    @Test
    void theBulkRebuildGivesTheLiveCatalogRowForRowAndSearchStillWorks() {
        Api api = new Api(port);
        String contractId = "bulk-" + UUID.randomUUID();
        api.post("mike", "/api/contracts", "application/yaml", Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        decide(api, contractId, "1.0.0", "requestChanges", "name the channel");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(contractId, "1.0.0"), "CHANGES_REQUESTED"::equals);
        api.post("mike", "/api/contracts", "application/yaml", Examples.ordersContract("orders-v1.0.0.yaml", contractId)
                .replace("description: One row per placed order.", "description: One row per placed order, once."));
        decide(api, contractId, "1.0.0", "approve", "clear now");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(contractId, "1.0.0"), "PUBLISHED"::equals);
        assertThat(api.post("olivia", "/api/contracts/" + contractId + "/versions/1.0.0/deprecation",
                "application/json", "{\"reason\":\"moving to the event feed\",\"sunset\":\""
                        + LocalDate.now(ZoneOffset.UTC).plusDays(40) + "\"}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(contractId, "1.0.0"), "DEPRECATED"::equals);
        api.post("mike", "/api/contracts", "application/yaml", Examples.ordersContract("orders-v1.1.0.yaml", contractId));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(contractId, "1.1.0"), "IN_REVIEW"::equals);
        assertThat(bulk.handles(processing.eventProcessor("contract-catalog", StreamingEventProcessor.class)
                .orElseThrow())).as("the catalog is rebuilt in bulk").isTrue();
        List<Map<String, Object>> catalogBefore = catalogRows();
        List<Map<String, Object>> deprecationsBefore = deprecationRows();
        List<String> indexesBefore = searchIndexes();
        List<String> rowVersionsBefore = rowVersions(contractId);

        assertThat(api.post("admin", "/api/admin/projections/contract-catalog/rebuild", "application/json", "")
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode catalog = api.get("admin", "/api/admin/projections/contract-catalog").json();
            return catalog.path("running").asBoolean() && !catalog.path("replaying").asBoolean()
                    && catalog.path("position").asLong() == catalog.path("head").asLong();
        });

        assertThat(rowVersions(contractId)).as("rows written again by the rebuild")
                .doesNotContainAnyElementsOf(rowVersionsBefore).hasSize(2);
        assertThat(catalogRows()).isEqualTo(catalogBefore);
        assertThat(deprecationRows()).isEqualTo(deprecationsBefore);
        assertThat(searchIndexes()).isEqualTo(indexesBefore);
        assertThat(api.get("mia", "/api/contracts?q=" + contractId.substring(5, 20)).json()
                .findValuesAsText("contractId")).containsExactly(contractId);
        // live processing goes on from the rebuilt token
        decide(api, contractId, "1.1.0", "approve", "fine");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(contractId, "1.1.0"), "PUBLISHED"::equals);
    }

    /** The transactions that wrote the contract's rows as they are now. */
    private List<String> rowVersions(String contractId) {
        return jdbc.queryForList("SELECT xmin::text FROM catalog_contract_version WHERE contract_id = ?",
                String.class, contractId);
    }

    private String status(String contractId, String version) {
        List<String> found = jdbc.queryForList(
                "SELECT status FROM catalog_contract_version WHERE contract_id = ? AND version = ?", String.class,
                contractId, version);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Completes the version's open review task as the domain owner. */
    private static void decide(Api api, String contractId, String version, String decision, String comment) {
        JsonNode task = await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode tasks = api.get("olivia", "/engine-rest/task?processInstanceBusinessKey=" + contractId + ":"
                    + version).json();
            return tasks.isEmpty() ? null : tasks.get(0);
        }, found -> found != null);
        assertThat(api.post("olivia", "/engine-rest/task/" + task.path("id").asText() + "/complete",
                "application/json", """
                {"variables":{"decision":{"value":"%s"},"comment":{"value":"%s"}}}""".formatted(decision, comment))
                .status()).isEqualTo(204);
    }

    @Test
    void theProcessStarterRefusesToBeReplayed() {
        Api.Reply reply = new Api(port).post("admin", "/api/admin/projections/"
                + ContractReviewProcess.PROCESSING_GROUP + "/rebuild", "application/json", "");
        assertThat(reply.status()).isEqualTo(422);
    }

    @Test
    void onlyPlatformAdminsRebuildProjections() {
        assertThat(new Api(port).post("olivia", "/api/admin/projections/contract-catalog/rebuild",
                "application/json", "").status()).isEqualTo(403);
    }
}
