package org.meshgov.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.meshgov.access.AccessDecision;
import org.meshgov.access.ApprovalRole;
import org.meshgov.access.DecideAccessRequestCommand;
import org.meshgov.access.RequestAccessCommand;
import org.meshgov.access.RevokeAccessCommand;
import org.meshgov.identity.Actor;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every grant and revocation reaches provisioning as a signed webhook, once, also across a rebuild. */
@MeshgovSpringTest
class AccessWebhooksTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    List<JsonNode> bodiesAbout(WebhookReceiver receiver, String grantId) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (WebhookReceiver.Received received : receiver.all()) {
            JsonNode body = json.readTree(received.body());
            if (grantId.equals(body.path("payload").path("grantId").asText())) {
                assertThat(WebhookSignature.verify("test-secret", received.body(),
                        received.header(WebhookHeaders.SIGNATURE))).isTrue();
                bodies.add(body);
            }
        }
        return bodies;
    }

    @Test
    void aGrantAndItsRevocationAreAnnouncedOnceEach() throws Exception {
        String contractId = "hooks-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        String grantId = UUID.randomUUID().toString();
        try (WebhookReceiver receiver = WebhookReceiver.configured()) {
            commands.sendAndWait(new RequestAccessCommand(grantId, contractId, 1, "marketing",
                    "weekly campaign attribution per order channel", List.of("orders.order_id"),
                    Instant.now().plus(Duration.ofDays(30)), null, Actor.of("mia", "marketing-members")));
            commands.sendAndWait(new DecideAccessRequestCommand(grantId, ApprovalRole.OWNER, AccessDecision.APPROVE,
                    "ok", Actor.of("olivia", "orders-owners")));
            commands.sendAndWait(new RevokeAccessCommand(grantId, "campaign stopped",
                    Actor.of("olivia", "orders-owners")));

            List<JsonNode> announced = await().atMost(Duration.ofSeconds(20))
                    .until(() -> bodiesAbout(receiver, grantId), bodies -> bodies.size() == 2);
            assertThat(announced).extracting(body -> body.path("eventType").asText())
                    .containsExactlyInAnyOrder("access.granted", "access.revoked");

            new Api(port).post("admin", "/api/admin/projections/access-catalog/rebuild", "application/json", "");
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> bodiesAbout(receiver, grantId).size() == 2);
        }
    }
}
