package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The byte layout ADR 10 defines, which an auditor's own verifier must rebuild exactly. */
class CheckpointSignedBytesTest {

    @Test
    void theSignedBytesAreTheLayoutTheAdrDefines() {
        byte[] hash = HexFormat.of().parseHex("00ff" + "11".repeat(30));

        byte[] signed = Checkpoint.signedBytes(42, hash, Instant.parse("2025-03-01T12:00:00.5Z"));

        assertThat(new String(signed, StandardCharsets.UTF_8)).isEqualTo("meshgov-checkpoint\n42\n00ff"
                + "11".repeat(30) + "\n2025-03-01T12:00:00.500000Z");
    }

    @Test
    void aCheckpointSurvivesItsPublishedFormUnchanged() {
        CheckpointSigner signer = CheckpointSigner.generate();
        Instant signedAt = Checkpoint.signable(Instant.now());
        byte[] hash = new byte[32];
        Checkpoint checkpoint = new Checkpoint(7, hash, signedAt, signer.sign(Checkpoint.signedBytes(7, hash, signedAt)),
                signer.publicKey().getEncoded());

        Checkpoint read = PublishedCheckpoint.of(checkpoint).checkpoint();

        assertThat(CheckpointVerifier.signatureHolds(read, signer.publicKey())).isTrue();
    }
}
