package org.meshgov.infra.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LongSummaryStatistics;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Checks a signed checkpoint, and an export against it. Plain Java, like {@link EventChainVerifier}, so
 * that an auditor runs it on their own machine with the public key they were given, not the one a
 * checkpoint (or the database it came from) claims.
 */
public final class CheckpointVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointVerifier() {
    }

    /** A base64 X.509 Ed25519 public key, as {@code GET /api/audit/public-key} answers it. */
    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + base64X509, e);
        }
    }

    /** A checkpoint as one item of {@code GET /api/audit/checkpoints}, kept in a file. */
    public static Checkpoint read(Path checkpointJson) throws IOException {
        return JSON.readValue(checkpointJson.toFile(), PublishedCheckpoint.class).checkpoint();
    }

    public static boolean signatureHolds(Checkpoint checkpoint, PublicKey key) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(checkpoint.signedBytes());
            return signature.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            // a malformed signature is a signature that does not hold
            return false;
        }
    }

    /** The export's links in position order, from its first position to its last. */
    public static CheckpointVerification verify(Checkpoint checkpoint, PublicKey key, long from, long to,
                                                Stream<ChainEntry> entries) {
        AtomicReference<byte[]> found = new AtomicReference<>();
        Verification chain = EventChainVerifier.verify(from, to, entries.peek(entry -> {
            if (entry.position() == checkpoint.position()) {
                found.set(entry.hash());
            }
        }));
        // a hash at the position counts only if the chain held up to there
        boolean heldThrough = chain.firstBroken() == null || chain.firstBroken().position() > checkpoint.position();
        byte[] reached = heldThrough ? found.get() : null;
        return new CheckpointVerification(signatureHolds(checkpoint, key), chain, checkpoint.position(),
                EventChainVerifier.hex(checkpoint.hash()), reached == null ? null : EventChainVerifier.hex(reached));
    }

    /** A JSON-lines export of {@code GET /api/audit/export}. */
    public static CheckpointVerification verify(Checkpoint checkpoint, PublicKey key, Path export) throws IOException {
        LongSummaryStatistics positions;
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8);
             Stream<ChainEntry> entries = ChainExport.readJsonLines(in)) {
            positions = entries.mapToLong(ChainEntry::position).summaryStatistics();
        }
        if (positions.getCount() == 0) {
            return verify(checkpoint, key, 1, 0, Stream.empty());
        }
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8);
             Stream<ChainEntry> entries = ChainExport.readJsonLines(in)) {
            return verify(checkpoint, key, positions.getMin(), positions.getMax(), entries);
        }
    }
}
