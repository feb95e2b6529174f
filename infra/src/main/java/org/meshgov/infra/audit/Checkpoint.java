package org.meshgov.infra.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain head at an instant, signed: whoever holds the public key can later tell whether a chain
 * still reaches this position with this hash, without trusting the database it came from.
 */
public record Checkpoint(long position, byte[] hash, Instant signedAt, byte[] signature, byte[] publicKey) {

    /** UTC with exactly six fraction digits: one spelling per instant, and what TIMESTAMPTZ keeps. */
    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The bytes the signature is over (ADR 10); the public key is not among them, it is what checks them. */
    public static byte[] signedBytes(long position, byte[] hash, Instant signedAt) {
        return ("meshgov-checkpoint\n" + position + "\n" + HexFormat.of().formatHex(hash) + "\n"
                + signedAtText(signedAt)).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(position, hash, signedAt);
    }

    public static String signedAtText(Instant instant) {
        return SIGNED_AT.format(instant);
    }

    /** The database keeps microseconds; signing a finer instant would sign what it cannot give back. */
    public static Instant signable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
