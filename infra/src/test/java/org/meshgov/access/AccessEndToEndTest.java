package org.meshgov.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
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

/** A consumer asks, the owner and a privacy officer approve through /engine-rest, the grant shows up. */
@MeshgovSpringTest
class AccessEndToEndTest {

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
    String until;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        contractId = "e2e-access-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        until = LocalDate.now(ZoneOffset.UTC).plusDays(90).toString();
    }

    Api.Reply request(String user, String properties) {
        return api.post(user, "/api/access-requests", "application/json", """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel",
                 "properties":%s,"until":"%s"}""".formatted(contractId, properties, until));
    }

    JsonNode awaitTask(String user, String requestId, String name) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode found = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + requestId).json();
            for (JsonNode task : found) {
                if (task.path("name").asText().equals(name)) {
                    return task;
                }
            }
            return null;
        }, task -> task != null);
    }

    int complete(String user, JsonNode task, String decision) {
        return api.post(user, "/engine-rest/task/" + task.path("id").asText() + "/complete", "application/json", """
                {"variables":{"decision":{"value":"%s"},"comment":{"value":"fine by %s"}}}"""
                .formatted(decision, user)).status();
    }

    long accessEvents() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype = 'org.meshgov.access.AccessRequestedEvent'",
                Long.class);
    }

    @Test
    void aConsumerIsGrantedAccessOnceTheOwnerAndPrivacyApprove() {
        Instant beforeTheGrant = Instant.now();
        Api.Reply requested = request("mia", "[\"orders.customer_id\",\"orders.order_total\"]");
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(requested.json().path("approvalsNeeded").toString()).contains("OWNER", "PRIVACY");
        String requestId = requested.json().path("requestId").asText();

        JsonNode ownerTask = awaitTask("olivia", requestId, "Approve as data owner");
        assertThat(complete("mia", ownerTask, "approve")).as("the requester is no approver").isEqualTo(403);
        assertThat(complete("olivia", ownerTask, "approve")).isEqualTo(204);
        assertThat(complete("priya", awaitTask("priya", requestId, "Approve as privacy officer"), "approve"))
                .isEqualTo(204);

        JsonNode grants = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/access-grants?contractId=" + contractId).json(), found -> found.size() == 1);
        JsonNode grant = grants.get(0);
        assertThat(grant.path("grantId").asText()).isEqualTo(requestId);
        assertThat(grant.path("consumerDomain").asText()).isEqualTo("marketing");
        assertThat(grant.path("approvedBy").toString()).contains("olivia", "priya");
        assertThat(api.get("mia", "/api/access-grants?contractId=" + contractId + "&activeAt=" + beforeTheGrant)
                .json()).isEmpty();
        assertThat(api.get("mia", "/api/contracts/" + contractId + "/consumers").json().path("1")
                .findValuesAsText("consumerDomain")).containsExactly("marketing");
        JsonNode details = api.get("audrey", "/api/access-requests/" + requestId).json();
        assertThat(details.path("decisions").findValuesAsText("decidedBy")).containsExactlyInAnyOrder("olivia", "priya");
    }

    @Test
    void theGuardrailsRefuseBeforeAnythingIsWritten() {
        long before = accessEvents();

        Api.Reply wholeContract = request("mia", "[]");
        Api.Reply unknownProperty = request("mia", "[\"orders.shoe_size\"]");
        Api.Reply shortPurpose = api.post("mia", "/api/access-requests", "application/json", """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing","purpose":"bi",
                 "properties":["orders.order_id"],"until":"%s"}""".formatted(contractId, until));
        Api.Reply tooLong = api.post("mia", "/api/access-requests", "application/json", """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel",
                 "properties":["orders.order_id"],"until":"2099-01-01"}""".formatted(contractId));
        Api.Reply unpublishedMajor = api.post("mia", "/api/access-requests", "application/json", """
                {"contractId":"%s","majorVersion":7,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel",
                 "properties":["orders.order_id"],"until":"%s"}""".formatted(contractId, until));

        assertThat(wholeContract.json().path("violations").findValuesAsText("rule")).contains("data-minimisation");
        assertThat(unknownProperty.json().path("violations").findValuesAsText("path")).contains("$.properties[0]");
        assertThat(shortPurpose.json().path("violations").findValuesAsText("rule")).contains("purpose-meaningful");
        assertThat(tooLong.json().path("violations").findValuesAsText("rule")).contains("until-max-duration");
        assertThat(unpublishedMajor.json().path("violations").findValuesAsText("rule")).contains("contract-published");
        for (Api.Reply refused : new Api.Reply[] {wholeContract, unknownProperty, shortPurpose, tooLong,
                unpublishedMajor}) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(accessEvents()).isEqualTo(before);
    }

    @Test
    void aSecondRequestForTheSameAccessIsRefused() {
        assertThat(request("mia", "[\"orders.order_id\"]").status()).isEqualTo(202);

        Api.Reply second = request("mia", "[\"orders.order_id\"]");

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().path("violations").findValuesAsText("rule")).contains("no-duplicate-access");
    }

    @Test
    void someoneOutsideTheConsumerDomainIsForbidden() {
        assertThat(request("mike", "[\"orders.order_id\"]").status()).isEqualTo(403);
    }

    @Test
    void aPrivacyOfficerRevokesAGrantThroughTheApi() {
        String requestId = request("mia", "[\"orders.order_id\"]").json().path("requestId").asText();
        complete("olivia", awaitTask("olivia", requestId, "Approve as data owner"), "approve");
        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/access-requests/" + requestId).json().path("status").asText(),
                "GRANTED"::equals);

        assertThat(api.post("mia", "/api/access-grants/" + requestId + "/revoke", "application/json",
                "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        assertThat(api.post("priya", "/api/access-grants/" + requestId + "/revoke", "application/json",
                "{\"reason\":\"complaint received\"}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("mia", "/api/access-requests/" + requestId).json().path("status").asText(),
                "REVOKED"::equals);
        assertThat(api.get("mia", "/api/access-grants?contractId=" + contractId).json()).isEmpty();
    }
}
