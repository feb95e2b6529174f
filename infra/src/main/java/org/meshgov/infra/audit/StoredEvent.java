package org.meshgov.infra.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        for (byte[] field : List.of(text(type), text(aggregateIdentifier), text(Long.toString(sequenceNumber)),
                text(eventIdentifier), text(timestamp), text(payloadType), text(payloadRevision), bytes(metaData),
                bytes(payload))) {
            form.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
            form.writeBytes(field);
        }
        return form.toByteArray();
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[] value) {
        return value == null ? new byte[0] : value;
    }
}
