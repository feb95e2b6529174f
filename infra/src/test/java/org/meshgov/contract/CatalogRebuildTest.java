package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
