package org.meshgov.deprecation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.identity.Actor;
import org.meshgov.support.Api;
import org.meshgov.support.Grants;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.meshgov.support.ShippingDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two consumers of a deprecated version, followed one by one over HTTP until the version retires. */
@MeshgovSpringTest
class DeprecationEndToEndTest {

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

    Api api;
    String contractId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ShippingDomain.ensure(identity, api);
        contractId = "e2e-deprecation-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        Grants.grant(contractId, "marketing", Actor.of("mia", "marketing-members"), commands, jdbc);
        Grants.grant(contractId, ShippingDomain.ID, Actor.of("sid", ShippingDomain.MEMBERS), commands, jdbc);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    JsonNode consumer(String deprecationId, String domain) {
        for (JsonNode consumer : api.get("audrey", "/api/deprecations/" + deprecationId).json().path("consumers")) {
            if (consumer.path("domain").asText().equals(domain)) {
                return consumer;
            }
        }
        return null;
    }

    JsonNode awaitTask(String user, String deprecationId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode found = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + deprecationId
                    + "&taskDefinitionKey=acknowledge").json();
            return found.size() == 1 ? found.get(0) : null;
        }, task -> task != null);
    }

    @Test
    void eachConsumerIsFollowedUntilTheVersionRetires() {
        String sunset = LocalDate.now(ZoneOffset.UTC).plusDays(100).toString();
        Api.Reply tooSoon = api.post("olivia", "/api/contracts/" + contractId + "/versions/1.0.0/deprecation",
                "application/json", """
                {"reason":"moving to the event feed","sunset":"%s"}"""
                        .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(40)));
        assertThat(tooSoon.status()).as("two consumers need 90 days of notice").isEqualTo(422);
        assertThat(api.post("mike", "/api/contracts/" + contractId + "/versions/1.0.0/deprecation",
                "application/json", "{\"reason\":\"members may not\",\"sunset\":\"" + sunset + "\"}").status())
                .isEqualTo(403);

        Api.Reply opened = api.post("olivia", "/api/contracts/" + contractId + "/versions/1.0.0/deprecation",
                "application/json", "{\"reason\":\"moving to the event feed\",\"sunset\":\"" + sunset + "\"}");
        assertThat(opened.status()).isEqualTo(202);
        assertThat(opened.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.json().path("consumers").toString()).contains("marketing", ShippingDomain.ID);
        String deprecationId = opened.json().path("deprecationId").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("audrey", "/api/deprecations/" + deprecationId)
                .status() == 200);
        assertThat(consumer(deprecationId, "marketing").path("acknowledged").asBoolean()).isFalse();
        JsonNode marketingTask = awaitTask("oscar", deprecationId);
        assertThat(api.get("sam", "/engine-rest/task?processInstanceBusinessKey=" + deprecationId).json())
                .as("each consumer sees only its own task").hasSize(1);
        assertThat(api.post("oscar", "/engine-rest/task/" + marketingTask.path("id").asText() + "/complete",
                "application/json", """
                {"variables":{"decision":{"value":"acknowledge"},"plannedMigration":{"value":"%s"},
                 "comment":{"value":"moving in January"}}}"""
                        .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(60))).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer(deprecationId, "marketing")
                .path("acknowledged").asBoolean());
        assertThat(consumer(deprecationId, ShippingDomain.ID).path("acknowledged").asBoolean()).isFalse();

        assertThat(api.post("sam", "/api/deprecations/" + deprecationId + "/consumers/" + ShippingDomain.ID
                + "/migration", "application/json", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer(deprecationId, ShippingDomain.ID)
                .path("migrated").asBoolean());

        // the engine's job executor fires the sunset timer once the engine's clock has passed it
        ClockUtil.setCurrentTime(Date.from(Instant.parse(sunset + "T00:00:00Z").plus(Duration.ofMinutes(1))));

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("audrey", "/api/deprecations/" + deprecationId)
                .json().path("status").asText(), "RETIRED"::equals);
        JsonNode version = api.get("mia", "/api/contracts/" + contractId).json().path("versions").get(0);
        assertThat(version.path("status").asText()).isEqualTo("RETIRED");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia", "/api/access-grants?contractId="
                + contractId).json().isEmpty());
    }

    @Test
    void aDeprecatedVersionIsMarkedOnItsDocumentAndAccessRequestsAreWarned() {
        String sunset = LocalDate.now(ZoneOffset.UTC).plusDays(100).toString();
        api.post("olivia", "/api/contracts/" + contractId + "/versions/1.0.0/deprecation", "application/json",
                "{\"reason\":\"moving to the event feed\",\"sunset\":\"" + sunset + "\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia", "/api/contracts/" + contractId).json()
                .path("versions").get(0).path("status").asText(), "DEPRECATED"::equals);

        Api.Reply document = api.get("mia", "/api/contracts/" + contractId + "/versions/1.0.0");
        assertThat(document.header("X-Meshgov-Version-Status")).isEqualTo("DEPRECATED");
        assertThat(document.header("Deprecation")).isEqualTo("true");
        assertThat(document.header("Sunset")).isNotBlank();
        Api.Reply request = api.post("mia", "/api/access-requests", "application/json", """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel",
                 "properties":["orders.order_total"],"until":"%s"}""".formatted(contractId, sunset));
        assertThat(request.status()).isEqualTo(202);
        assertThat(request.json().path("warnings").get(0).asText()).contains("deprecated");
    }

    @Test
    void ownersRaiseADeprecationWithTheTasklistStartFormAndOthersCannot() {
        String form = """
                {"variables":{"contractId":{"value":"%s"},"version":{"value":"1.0.0"},
                 "reason":{"value":"moving to the event feed"},
                 "sunset":{"value":"%sT00:00:00.000+0000","type":"Date"}}}"""
                .formatted(contractId, LocalDate.now(ZoneOffset.UTC).plusDays(100));

        Api.Reply refused = api.post("mia", "/engine-rest/process-definition/key/raise-deprecation/submit-form",
                "application/json", form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Api.Reply started = api.post("olivia", "/engine-rest/process-definition/key/raise-deprecation/submit-form",
                "application/json", form);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("mia", "/api/contracts/" + contractId).json()
                .path("versions").get(0).path("status").asText(), "DEPRECATED"::equals);
    }
}
