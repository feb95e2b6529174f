package org.meshgov.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Auditors read everything and are refused on every command endpoint. */
@MeshgovSpringTest
class AuditorReadOnlyTest {

    @LocalServerPort
    int port;

    record Command(String path, String contentType, String body) {
    }

    @Test
    void everyCommandEndpointRefusesAnAuditor() {
        Api api = new Api(port);
        String id = "audit-" + UUID.randomUUID();
        List<Command> commands = List.of(
                new Command("/api/domains", "application/json",
                        "{\"id\":\"audited\",\"name\":\"A\",\"ownerGroup\":\"a-owners\",\"memberGroup\":\"a-members\"}"),
                new Command("/api/contracts", "application/yaml", Examples.ordersContract("orders-v1.0.0.yaml", id)),
                new Command("/api/contracts/" + id + "/versions/1.0.0/withdrawal", "application/json", "{}"),
                new Command("/api/contracts/" + id + "/versions/1.0.0/deprecation", "application/json",
                        "{\"reason\":\"audit\",\"sunset\":\"2030-01-01\"}"),
                new Command("/api/contracts/" + id + "/versions/1.0.0/deprecation/extension", "application/json",
                        "{\"reason\":\"audit\",\"sunset\":\"2030-01-01\"}"),
                new Command("/api/access-requests", "application/json", """
                        {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                         "purpose":"auditors should never get this far","properties":["orders.order_id"],
                         "until":"2027-01-01"}""".formatted(id)),
                new Command("/api/access-grants/" + id + "/revoke", "application/json", "{\"reason\":\"audit\"}"));
        for (Command command : commands) {
            Api.Reply reply = api.post("audrey", command.path(), command.contentType(), command.body());
            assertThat(reply.status()).as(command.path() + " " + reply.body()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anAuditorCannotCompleteAReviewTask() {
        Api api = new Api(port);
        String id = "audit-task-" + UUID.randomUUID();
        api.post("mike", "/api/contracts", "application/yaml", Examples.ordersContract("orders-v1.0.0.yaml", id));
        String taskId = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("olivia",
                "/engine-rest/task?processInstanceBusinessKey=" + id + ":1.0.0").json().path(0).path("id").asText(""),
                found -> !found.isEmpty());

        Api.Reply refused = api.post("audrey", "/engine-rest/task/" + taskId + "/complete", "application/json",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("olivia", "/engine-rest/task?processInstanceBusinessKey=" + id + ":1.0.0").json())
                .hasSize(1);
    }

    @Test
    void anAuditorReadsTheCatalogAndTheDomains() {
        Api api = new Api(port);
        assertThat(api.get("audrey", "/api/contracts").status()).isEqualTo(200);
        assertThat(api.get("audrey", "/api/domains").status()).isEqualTo(200);
        assertThat(api.get("audrey", "/api/access-requests").status()).isEqualTo(200);
        assertThat(api.get("audrey", "/api/deprecations").status()).isEqualTo(200);
    }
}
