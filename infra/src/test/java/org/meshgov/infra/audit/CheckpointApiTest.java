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

/** Who reads checkpoints and the public key, and who takes checkpoints. */
@MeshgovSpringTest
class CheckpointApiTest {

    private static final String CHECKPOINTS = "/api/audit/checkpoints";
    private static final String PUBLIC_KEY = "/api/audit/public-key";

    @LocalServerPort
    int port;
    @Autowired
    CheckpointSigner signer;

    @Test
    void aPlatformAdminTakesACheckpointOfTheMovedHead() {
        Api api = new Api(port);
        api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", "api-checkpoint-" + UUID.randomUUID()));

        Api.Reply reply = api.post("admin", CHECKPOINTS, "application/json", "");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode checkpoint = reply.json();
        assertThat(checkpoint.path("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(checkpoint.path("signedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(checkpoint.path("publicKey").asText()).isEqualTo(signer.publicKeyBase64());
    }

    @Test
    void anAuditorListsCheckpointsNewestFirst() {
        Api api = new Api(port);
        api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", "listed-" + UUID.randomUUID()));
        long taken = api.post("admin", CHECKPOINTS, "application/json", "").json().path("position").asLong();

        Api.Reply reply = api.get("audrey", CHECKPOINTS + "?limit=1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).hasSize(1);
        assertThat(reply.json().get(0).path("position").asLong()).isGreaterThanOrEqualTo(taken);
        assertThat(reply.json().get(0).path("signature").asText()).isNotBlank();
    }

    @Test
    void anAuditorReadsThePublicKey() {
        Api.Reply reply = new Api(port).get("audrey", PUBLIC_KEY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("publicKey").asText()).isEqualTo(signer.publicKeyBase64());
        assertThat(reply.json().path("algorithm").asText()).isEqualTo("Ed25519");
    }

    @Test
    void aPlatformAdminReadsToo() {
        Api api = new Api(port);
        assertThat(api.get("admin", PUBLIC_KEY).status()).isEqualTo(200);
        assertThat(api.get("admin", CHECKPOINTS).status()).isEqualTo(200);
    }

    @Test
    void anAuditorDoesNotTakeCheckpoints() {
        assertThat(new Api(port).post("audrey", CHECKPOINTS, "application/json", "").status()).isEqualTo(403);
    }

    @Test
    void anOrdinaryMemberIsRefusedEverything() {
        Api api = new Api(port);
        assertThat(api.get("mia", PUBLIC_KEY).status()).isEqualTo(403);
        assertThat(api.get("mia", CHECKPOINTS).status()).isEqualTo(403);
        assertThat(api.post("mia", CHECKPOINTS, "application/json", "").status()).isEqualTo(403);
    }

    @Test
    void nobodyAnonymousIsAnswered() {
        Api api = new Api(port);
        assertThat(api.get(null, PUBLIC_KEY).status()).isEqualTo(401);
        assertThat(api.get(null, CHECKPOINTS).status()).isEqualTo(401);
        assertThat(api.post(null, CHECKPOINTS, "application/json", "").status()).isEqualTo(401);
    }
}
