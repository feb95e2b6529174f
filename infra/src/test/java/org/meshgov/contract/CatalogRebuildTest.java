package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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
