package org.meshgov.infra.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An event as Axon's JDBC engine stores it, with the columns the chain hashes in the order it hashes
 * them. {@code type}, {@code payloadRevision} and {@code metaData} may be null.
 */
public record StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                          String timestamp, String payloadType, String payloadRevision, byte[] metaData,
                          byte[] payload) {

    /**
     * Every field as a 4-byte big-endian length followed by its bytes, text in UTF-8 and a null as no
     * bytes; the lengths keep two different events from ever sharing a form. The migration that
     * installs the chain computes the same bytes in SQL (ADR 9).
     */
    public byte[] canonicalForm() {
        byte[][] fields = fields();
        int size = 0;
        for (byte[] field : fields) {
            size += Integer.BYTES + field.length;
        }
        ByteBuffer form = ByteBuffer.allocate(size);
        for (byte[] field : fields) {
            form.putInt(field.length).put(field);
        }
        return form.array();
    }

    /**
     * Feeds {@link #canonicalForm()} to a digest without assembling it first: verifying a log of
     * millions of events would otherwise copy every payload once more (BENCHMARKS.md, benchmark 5).
     */
    public void digestCanonicalForm(MessageDigest digest) {
        byte[] length = new byte[Integer.BYTES];
        for (byte[] field : fields()) {
            ByteBuffer.wrap(length).putInt(field.length);
            digest.update(length);
            digest.update(field);
        }
    }

    private byte[][] fields() {
        return new byte[][] {text(type), text(aggregateIdentifier), text(Long.toString(sequenceNumber)),
                text(eventIdentifier), text(timestamp), text(payloadType), text(payloadRevision), bytes(metaData),
                bytes(payload)};
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[] value) {
        return value == null ? new byte[0] : value;
    }
}
