package org.meshgov.infra.audit;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A checkpoint as the API answers it and as an auditor keeps it in a file: hash in hex, signature and
 * public key (X.509) in base64, signedAt exactly as it was signed.
 */
public record PublishedCheckpoint(long position, String hash, String signedAt, String signature, String publicKey) {

    public static PublishedCheckpoint of(Checkpoint checkpoint) {
        return new PublishedCheckpoint(checkpoint.position(), HexFormat.of().formatHex(checkpoint.hash()),
                Checkpoint.signedAtText(checkpoint.signedAt()),
                Base64.getEncoder().encodeToString(checkpoint.signature()),
                Base64.getEncoder().encodeToString(checkpoint.publicKey()));
    }

    public Checkpoint checkpoint() {
        return new Checkpoint(position, HexFormat.of().parseHex(hash), Instant.parse(signedAt),
                Base64.getDecoder().decode(signature), publicKey == null ? null : Base64.getDecoder().decode(publicKey));
    }
}
