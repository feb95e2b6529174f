package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The evidence pack of a contract that was proposed and approved. */
@MeshgovSpringTest
class CaseEvidenceTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChainCheckpoints checkpoints;

    String contractId;
    JsonNode pack;

    @BeforeEach
    void aPublishedContractWithACheckpointAfterIt() {
        contractId = "evidence-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        checkpoints.take();
        Api.Reply reply = new Api(port).get("audrey", "/api/audit/evidence/contract/" + contractId);
        assertThat(reply.status()).isEqualTo(200);
        pack = reply.json();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void everyEventComesWithItsChainPositionAndHash() {
        List<JsonNode> events = list(pack.path("events"));

        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("position").asLong()).isPositive();
            assertThat(event.path("hash").asText()).matches("[0-9a-f]{64}");
        });
        assertThat(events.get(0).path("type").asText()).isEqualTo("ContractVersionProposedEvent");
    }

    @Test
    void theReviewProcessShowsWhoCompletedItsTask() {
        JsonNode process = pack.path("processes").get(0);

        assertThat(process.path("businessKey").asText()).isEqualTo(contractId + ":1.0.0");
        assertThat(list(process.path("tasks"))).isNotEmpty();
        assertThat(list(process.path("operations")))
                .anySatisfy(operation -> {
                    assertThat(operation.path("userId").asText()).isEqualTo("olivia");
                    assertThat(operation.path("operation").asText()).isEqualTo("Complete");
                });
    }

    @Test
    void theProposedDocumentIsIncluded() {
        assertThat(list(pack.path("documents"))).singleElement().satisfies(document -> {
            assertThat(document.path("version").asText()).isEqualTo("1.0.0");
            assertThat(document.path("document").isObject()).isTrue();
        });
    }

    @Test
    void aSignedCheckpointCoversTheLastEvent() {
        long last = list(pack.path("events")).stream().mapToLong(e -> e.path("position").asLong()).max().orElseThrow();

        assertThat(pack.path("checkpoint").path("position").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(pack.path("checkpoint").path("signature").asText()).isNotBlank();
    }

    @Test
    void onlyAuditorsAndAdminsReadIt() {
        Api api = new Api(port);
        String path = "/api/audit/evidence/contract/" + contractId;
        assertThat(api.get("admin", path).status()).isEqualTo(200);
        assertThat(api.get("mia", path).status()).isEqualTo(403);
        assertThat(api.get(null, path).status()).isEqualTo(401);
    }
}
