package org.meshgov.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * One contract's life, lived through the running engine so that every event in it is exactly what the
 * engine writes: 1.0.0 proposed and approved by an owner; 1.1.0 sent back with changes requested,
 * revised and approved; then cosmetic versions 1.1.1 to 1.1.6, approved automatically. Twenty
 * events, which {@link SyntheticHistory} copies under other contract ids.
 */
final class TemplateContract {

    static final String ID = "benchtemplate";
    static final int COSMETIC_VERSIONS = 6;

    /** A stored event, as {@code domainevententry} holds it. */
    record StoredRow(String type, long sequenceNumber, String payloadType, String payloadRevision, byte[] metadata,
                     byte[] payload) {
    }

    private TemplateContract() {
    }

    static List<StoredRow> live(BenchConfig config, BenchDatabase database, Engine engine) throws Exception {
        Http http = engine.http();
        String first = Files.readString(config.examples().resolve("orders-v1.0.0.yaml"))
                .replace("id: orders-placed", "id: " + ID).replace("name: Orders placed", "name: Orders placed " + ID);
        String additive = Files.readString(config.examples().resolve("orders-v1.1.0.yaml"))
                .replace("id: orders-placed", "id: " + ID).replace("name: Orders placed", "name: Orders placed " + ID);

        propose(http, first);
        decide(http, "1.0.0", "approve", "looks good");
        awaitStatus(http, "1.0.0", "PUBLISHED");

        propose(http, additive);
        decide(http, "1.1.0", "requestChanges", "say what an unknown channel looks like");
        awaitStatus(http, "1.1.0", "CHANGES_REQUESTED");
        String revised = additive.replace("description: web, app or store.",
                "description: web, app or store; null when unknown.");
        propose(http, revised);
        decide(http, "1.1.0", "approve", "clear now");
        awaitStatus(http, "1.1.0", "PUBLISHED");

        for (int patch = 1; patch <= COSMETIC_VERSIONS; patch++) {
            String version = "1.1." + patch;
            propose(http, revised.replace("version: 1.1.0", "version: " + version)
                    .replace("null when unknown.", "null when unknown (wording " + patch + ")."));
            awaitStatus(http, version, "PUBLISHED");
        }
        return database.jdbc().query("""
                SELECT type, sequencenumber, payloadtype, payloadrevision, metadata, payload FROM domainevententry
                WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (row, i) -> new StoredRow(row.getString("type"), row.getLong("sequencenumber"),
                        row.getString("payloadtype"), row.getString("payloadrevision"), row.getBytes("metadata"),
                        row.getBytes("payload")), "contract:" + ID);
    }

    private static void propose(Http http, String document) throws Exception {
        http.post("mike", "/api/contracts", "application/yaml", document).expect(202);
    }

    /** Completes the version's open review task as the domain owner, once the review process shows it. */
    private static void decide(Http http, String version, String decision, String comment) throws Exception {
        JsonNode task = await(() -> {
            JsonNode tasks = http.get("olivia", "/engine-rest/task?processInstanceBusinessKey=" + ID + ":" + version)
                    .expect(200).json();
            return tasks.isEmpty() ? null : tasks.get(0);
        });
        http.post("olivia", "/engine-rest/task/" + task.path("id").asText() + "/complete", "application/json", """
                {"variables":{"decision":{"value":"%s"},"comment":{"value":"%s"}}}""".formatted(decision, comment))
                .expect(204);
    }

    private static void awaitStatus(Http http, String version, String status) throws Exception {
        await(() -> {
            for (JsonNode entry : http.get("olivia", "/api/contracts/" + ID).expect(200).json().path("versions")) {
                if (entry.path("version").asText().equals(version) && entry.path("status").asText().equals(status)) {
                    return entry;
                }
            }
            return null;
        });
    }

    interface Probe {
        JsonNode get() throws Exception;
    }

    private static JsonNode await(Probe probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the template contract did not get there within 60 s");
    }
}
