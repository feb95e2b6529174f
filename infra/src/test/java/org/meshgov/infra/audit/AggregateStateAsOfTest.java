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

/** The state of a contract at instants across its life, rebuilt from its events. */
@MeshgovSpringTest
class AggregateStateAsOfTest {

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

    String statusAt(Api api, String contractId, Instant at) {
        JsonNode state = api.get("audrey", "/api/audit/state/contract/" + contractId + "?asOf=" + at).json();
        return state.path("state").path("versions").path("1.0.0").path("status").asText();
    }

    @Test
    void aContractIsSeenProposedThenPublishedThenDeprecated() {
        Api api = new Api(port);
        String contractId = "asof-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        commands.sendAndWait(new DeprecateContractVersionCommand(contractId, "1.0.0", "moving to the event feed",
                Instant.now().plus(Duration.ofDays(40)), null, Actor.of("olivia", "orders-owners")));
        Instant proposed = EventLog.firstTime(jdbc, contractId, "contract.ContractVersionProposedEvent");
        Instant published = EventLog.firstTime(jdbc, contractId, "contract.ContractVersionPublishedEvent");
        Instant deprecated = EventLog.firstTime(jdbc, contractId, "deprecation.ContractVersionDeprecatedEvent");

        assertThat(api.get("audrey", "/api/audit/state/contract/" + contractId + "?asOf="
                + proposed.minusMillis(1)).status()).isEqualTo(404);
        assertThat(statusAt(api, contractId, proposed)).isEqualTo("IN_REVIEW");
        assertThat(statusAt(api, contractId, published.minusMillis(1))).isEqualTo("IN_REVIEW");
        assertThat(statusAt(api, contractId, published)).isEqualTo("PUBLISHED");
        assertThat(statusAt(api, contractId, deprecated)).isEqualTo("DEPRECATED");
        JsonNode now = api.get("audrey", "/api/audit/state/contract/" + contractId).json();
        assertThat(now.path("lastEventType").asText()).isEqualTo("ContractVersionDeprecatedEvent");
        assertThat(now.path("sequence").asLong()).isEqualTo(3);
        assertThat(now.path("position").asLong()).isPositive();
    }

    @Test
    void everyReviewDecisionComesWithTheDocumentItsReviewerSaw() {
        Api api = new Api(port);
        String contractId = "evidence-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);

        JsonNode decisions = api.get("audrey", "/api/audit/contracts/" + contractId + "/versions/1.0.0/decisions")
                .json();

        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).path("decidedBy").asText()).isEqualTo("olivia");
        assertThat(decisions.get(0).path("documentMatchesHash").asBoolean()).isTrue();
        assertThat(decisions.get(0).path("document").path("id").asText()).isEqualTo(contractId);
        assertThat(api.get("mia", "/api/audit/contracts/" + contractId + "/versions/1.0.0/decisions").status())
                .isEqualTo(403);
    }

    @Test
    void onlyAuditorsAndPlatformAdminsAskForPastState() {
        Api api = new Api(port);
        assertThat(api.get("mia", "/api/audit/state/domain/orders").status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/audit/state/domain/orders").json().path("state").path("aggregateId")
                .asText()).isEqualTo("domain:orders");
        assertThat(api.get("audrey", "/api/audit/state/spaceship/orders").status()).isEqualTo(404);
    }
}
