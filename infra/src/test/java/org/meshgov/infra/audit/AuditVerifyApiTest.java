package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MeshgovSpringTest
class AuditVerifyApiTest {

    private static final String VERIFY = "/api/audit/verify";

    @LocalServerPort
    int port;
    @Autowired
    EventChainRepository chain;

    @Test
    void anAuditorVerifiesTheWholeLogUpToItsHead() {
        Api.Reply reply = new Api(port).get("audrey", VERIFY);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.path("firstBroken").isNull()).isTrue();
        assertThat(report.path("head").path("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(report.path("verified").asLong()).isPositive()
                .isEqualTo(report.path("head").path("position").asLong());
    }

    @Test
    void aRangeVerifiesOnlyItsPositions() {
        Api api = new Api(port);
        long from = chain.head().position() + 1;
        api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", "ranged-" + UUID.randomUUID()));
        long to = chain.head().position();

        JsonNode report = api.get("audrey", VERIFY + "?from=" + from + "&to=" + to).json();

        assertThat(report.path("verified").asLong()).isEqualTo(to - from + 1).isPositive();
        assertThat(report.path("firstBroken").isNull()).isTrue();
    }

    @Test
    void aPlatformAdminVerifiesToo() {
        assertThat(new Api(port).get("admin", VERIFY).status()).isEqualTo(200);
    }

    @Test
    void anOrdinaryMemberIsRefused() {
        Api.Reply reply = new Api(port).get("mia", VERIFY);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nobodyAnonymousIsAnswered() {
        assertThat(new Api(port).get(null, VERIFY).status()).isEqualTo(401);
    }
}
