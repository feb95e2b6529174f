package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A checkpoint signs the chain head as it is when taken. */
@MeshgovSpringTest
class ChainCheckpointsTest {

    @LocalServerPort
    int port;
    @Autowired
    ChainCheckpoints checkpoints;
    @Autowired
    CheckpointSigner signer;
    @Autowired
    EventChainRepository chain;

    Checkpoint afterSomeEvents() {
        new Api(port).post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", "checkpoint-" + UUID.randomUUID()));
        return checkpoints.take().orElseThrow();
    }

    @Test
    void aCheckpointSignsTheHashTheChainHasAtItsPosition() {
        long before = chain.head().position();

        Checkpoint checkpoint = afterSomeEvents();

        assertThat(checkpoint.position()).isGreaterThan(before).isLessThanOrEqualTo(chain.head().position());
        assertThat(chain.entries(checkpoint.position(), checkpoint.position()).findFirst().orElseThrow().hash())
                .isEqualTo(checkpoint.hash());
    }

    @Test
    void aCheckpointVerifiesWithThePublicKey() {
        assertThat(CheckpointVerifier.signatureHolds(afterSomeEvents(), signer.publicKey())).isTrue();
    }

    @Test
    void aCheckpointDoesNotVerifyWithAnotherKey() {
        assertThat(CheckpointVerifier.signatureHolds(afterSomeEvents(), CheckpointSigner.generate().publicKey()))
                .isFalse();
    }

    @Test
    void aCheckpointWhoseHashWasAlteredDoesNotVerify() {
        Checkpoint checkpoint = afterSomeEvents();
        byte[] altered = checkpoint.hash().clone();
        altered[0] ^= 1;

        Checkpoint forged = new Checkpoint(checkpoint.position(), altered, checkpoint.signedAt(),
                checkpoint.signature(), checkpoint.publicKey());

        assertThat(CheckpointVerifier.signatureHolds(forged, signer.publicKey())).isFalse();
    }

    @Test
    void aCheckpointAsStoredVerifiesLikeTheOneTaken() {
        Checkpoint taken = afterSomeEvents();

        Checkpoint stored = checkpoints.covering(taken.position()).orElseThrow();

        assertThat(stored.signedAt()).isEqualTo(taken.signedAt());
        assertThat(CheckpointVerifier.signatureHolds(stored, signer.publicKey())).isTrue();
    }

    @Test
    void aPositionAlreadySignedIsNotSignedAgain() {
        Checkpoint first = afterSomeEvents();

        // the review workflow may still append; then a second checkpoint is due, but never at the same position
        checkpoints.take().ifPresent(next -> assertThat(next.position()).isGreaterThan(first.position()));

        assertThat(checkpoints.latest(1000)).filteredOn(c -> c.position() == first.position()).hasSize(1);
    }
}
