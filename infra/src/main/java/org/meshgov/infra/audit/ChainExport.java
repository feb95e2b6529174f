package org.meshgov.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The event log as evidence a regulator can keep: one JSON line per chain link carrying the hashes
 * and the hashed bytes (metadata and payload in base64, exactly as stored), so that the chain can be
 * verified from the file alone, without the database.
 */
public final class ChainExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final HexFormat HEX = HexFormat.of();

    private ChainExport() {
    }

    public static void writeJsonLines(Stream<ChainEntry> entries, Writer out) {
        entries.forEach(entry -> {
            try {
                out.write(JSON.writeValueAsString(line(entry)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The same columns as CSV, every field quoted; base64 and hex need no escaping. */
    public static void writeCsv(Stream<ChainEntry> entries, Writer out) throws IOException {
        out.write("position,globalIndex,previousHash,hash,type,aggregateIdentifier,sequenceNumber,eventIdentifier,"
                + "timestamp,payloadType,payloadRevision,metaData,payload\n");
        entries.forEach(entry -> {
            JsonNode line = line(entry);
            StringBuilder row = new StringBuilder();
            line.fieldNames().forEachRemaining(field -> {
                if (!row.isEmpty()) {
                    row.append(',');
                }
                JsonNode value = line.get(field);
                row.append(value.isNull() ? "" : '"' + value.asText().replace("\"", "\"\"") + '"');
            });
            try {
                out.write(row.append('\n').toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads a JSON-lines export back into chain links, lazily, for offline verification. */
    public static Stream<ChainEntry> readJsonLines(BufferedReader in) {
        return in.lines().filter(line -> !line.isBlank()).map(ChainExport::entry);
    }

    private static ObjectNode line(ChainEntry entry) {
        ObjectNode line = JSON.createObjectNode();
        line.put("position", entry.position());
        line.put("globalIndex", entry.globalIndex());
        line.put("previousHash", HEX.formatHex(entry.previousHash()));
        line.put("hash", HEX.formatHex(entry.hash()));
        StoredEvent event = entry.event();
        if (event == null) {
            return line;
        }
        line.put("type", event.type());
        line.put("aggregateIdentifier", event.aggregateIdentifier());
        line.put("sequenceNumber", event.sequenceNumber());
        line.put("eventIdentifier", event.eventIdentifier());
        line.put("timestamp", event.timestamp());
        line.put("payloadType", event.payloadType());
        line.put("payloadRevision", event.payloadRevision());
        line.put("metaData", event.metaData() == null ? null : BASE64.encodeToString(event.metaData()));
        line.put("payload", BASE64.encodeToString(event.payload()));
        return line;
    }

    private static ChainEntry entry(String text) {
        try {
            JsonNode line = JSON.readTree(text);
            StoredEvent event = !line.hasNonNull("payload") ? null : new StoredEvent(line.path("type").asText(null),
                    line.path("aggregateIdentifier").asText(), line.path("sequenceNumber").asLong(),
                    line.path("eventIdentifier").asText(), line.path("timestamp").asText(),
                    line.path("payloadType").asText(), line.path("payloadRevision").asText(null),
                    line.hasNonNull("metaData") ? Base64.getDecoder().decode(line.path("metaData").asText()) : null,
                    Base64.getDecoder().decode(line.path("payload").asText()));
            return new ChainEntry(line.path("position").asLong(), line.path("globalIndex").asLong(),
                    HEX.parseHex(line.path("previousHash").asText()), HEX.parseHex(line.path("hash").asText()), event);
        } catch (IOException e) {
            throw new UncheckedIOException("not a line of a meshgov export: " + text, e);
        }
    }
}
