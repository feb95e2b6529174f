package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.meshgov.deprecation.DeprecateContractVersionCommand;
import org.meshgov.identity.Actor;
import org.meshgov.support.Api;
import org.meshgov.support.EventLog;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalog answers "as of" from the event log, and the live catalog stays as it is. */
@MeshgovSpringTest
class CatalogAsOfTest {

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

    JsonNode versionAt(Api api, String contractId, Instant at) {
        return api.get("mia", "/api/contracts/" + contractId + "?asOf=" + at).json().path("versions").get(0);
    }

    @Test
    void aContractReadAsOfEarlierInstantsShowsItsStatusThen() {
        Api api = new Api(port);
        String contractId = "catalog-asof-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        commands.sendAndWait(new DeprecateContractVersionCommand(contractId, "1.0.0", "moving to the event feed",
                Instant.now().plus(Duration.ofDays(40)), null, Actor.of("olivia", "orders-owners")));
        Instant proposed = EventLog.firstTime(jdbc, contractId, "contract.ContractVersionProposedEvent");
        Instant published = EventLog.firstTime(jdbc, contractId, "contract.ContractVersionPublishedEvent");

        assertThat(api.get("mia", "/api/contracts/" + contractId + "?asOf=" + proposed.minusMillis(1)).status())
                .isEqualTo(404);
        JsonNode inReview = versionAt(api, contractId, proposed);
        assertThat(inReview.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(inReview.path("reviews")).isEmpty();
        JsonNode justPublished = versionAt(api, contractId, published);
        assertThat(justPublished.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(justPublished.path("reviews").get(0).path("decidedBy").asText()).isEqualTo("olivia");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia",
                "/api/contracts/" + contractId).json().path("versions").get(0).path("status").asText(),
                "DEPRECATED"::equals);
        assertThat(versionAt(api, contractId, Instant.now()).path("status").asText()).isEqualTo("DEPRECATED");
    }
}
