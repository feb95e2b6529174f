package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who did what, when, in chain order, paged by position and limited to one's own domains. */
@MeshgovSpringTest
class AuditEventsTest {

    @LocalServerPort
    int port;

    Api api;
    String contractId;

    @BeforeEach
    void proposeTwoVersions() {
        api = new Api(port);
        contractId = "history-" + UUID.randomUUID();
        api.post("mike", "/api/contracts", "application/yaml", Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        api.post("mike", "/api/contracts/" + contractId + "/versions/1.0.0/withdrawal", "application/json",
                "{\"reason\":\"wrong table\"}");
    }

    JsonNode history(String user, String query) {
        return api.get(user, "/api/audit/events?aggregateType=contract&aggregateId=" + contractId + query).json();
    }

    @Test
    void eachEventComesWithItsPositionActorPayloadAndHash() {
        JsonNode events = history("audrey", "").path("events");

        assertThat(events).hasSize(2);
        JsonNode proposed = events.get(0);
        assertThat(proposed.path("type").asText()).isEqualTo("ContractVersionProposedEvent");
        assertThat(proposed.path("aggregateType").asText()).isEqualTo("contract");
        assertThat(proposed.path("aggregateId").asText()).isEqualTo(contractId);
        assertThat(proposed.path("sequence").asLong()).isZero();
        assertThat(proposed.path("actor").asText()).isEqualTo("mike");
        assertThat(proposed.path("payload").path("version").asText()).isEqualTo("1.0.0");
        assertThat(proposed.path("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(events.get(1).path("position").asLong()).isGreaterThan(proposed.path("position").asLong());
    }

    @Test
    void pagesFollowEachOtherByPosition() {
        JsonNode first = history("audrey", "&limit=1");
        assertThat(first.path("events")).hasSize(1);
        long next = first.path("next").asLong();

        JsonNode second = history("audrey", "&limit=1&after=" + next);

        assertThat(second.path("events").get(0).path("type").asText()).isEqualTo("ContractProposalWithdrawnEvent");
        assertThat(history("audrey", "&limit=5&after=" + second.path("events").get(0).path("position").asLong())
                .path("events")).isEmpty();
    }

    @Test
    void eventsAreFilteredByTypeAndActor() {
        assertThat(history("audrey", "&type=ContractProposalWithdrawnEvent").path("events")).hasSize(1);
        assertThat(history("audrey", "&actor=olivia").path("events")).isEmpty();
    }

    @Test
    void membersReadTheHistoryOfTheirOwnDomainsOnly() {
        await().atMost(Duration.ofSeconds(5)).until(() -> history("olivia", "").path("events").size() == 2);
        assertThat(history("mia", "").path("events")).isEmpty();
        assertThat(api.get(null, "/api/audit/events").status()).isEqualTo(401);
    }
}
