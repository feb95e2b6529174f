package org.meshgov.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshgov.support.Api;
import org.meshgov.support.Api.Reply;
import org.meshgov.support.EngineNode;
import org.meshgov.support.Examples;
import org.meshgov.support.ScratchDatabase;

/**
 * The backup procedure of the README, as an operator runs it: {@code pg_dump} of the live database,
 * {@code pg_restore} into an empty one, an engine started on the copy. The restored log verifies,
 * every projection rebuilt from it equals what the original served, and the processes that were
 * open go on: a timer fires, a review task is completed.
 */
class BackupRestoreTest {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @TempDir
    Path backups;

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseVerifiesRebuildsIdenticallyAndCarriesOn() throws Exception {
        ScratchDatabase.assumeReachable();
        try (ScratchDatabase original = ScratchDatabase.create("meshgov_backup");
             ScratchDatabase restored = ScratchDatabase.create("meshgov_restored")) {
            Map<String, String> environment = new LinkedHashMap<>(original.engineEnvironment());
            environment.put("MESHGOV_WEBHOOK_URLS", "http://127.0.0.1:9/meshgov-hooks");
            environment.put("MESHGOV_WEBHOOK_SECRET", "backup-test");

            Map<String, JsonNode> served;
            JsonNode chainBefore;
            Path dump = backups.resolve("meshgov.dump");
            try (EngineNode engine = EngineNode.start("original", environment)) {
                Api api = engine.api();
                Case governed = governSomething(api);
                served = read(api, governed.reads());
                chainBefore = api.get("audrey", "/api/audit/verify").json();
                assertThat(chainBefore.path("verified").asBoolean()).isTrue();

                // online: pg_dump reads one consistent snapshot while the engine keeps running
                Duration dumped = run("pg_dump", "--host", ScratchDatabase.HOST, "--port", "" + ScratchDatabase.PORT,
                        "--username", ScratchDatabase.USER, "--format", "custom", "--file", dump.toString(),
                        original.name());
                Duration restoredIn = run("pg_restore", "--host", ScratchDatabase.HOST, "--port",
                        "" + ScratchDatabase.PORT, "--username", ScratchDatabase.USER, "--exit-on-error",
                        "--single-transaction", "--no-owner", "--dbname", restored.name(), dump.toString());
                report("pg_dump %d ms (%d KiB), pg_restore %d ms, %d events", dumped.toMillis(),
                        Files.size(dump) / 1024, restoredIn.toMillis(),
                        restored.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class));
                engine.stop();

                Map<String, String> onCopy = new LinkedHashMap<>(environment);
                onCopy.putAll(restored.engineEnvironment());
                try (EngineNode copy = EngineNode.start("restored", onCopy)) {
                    Api restoredApi = copy.api();
                    JsonNode chainAfter = restoredApi.get("audrey", "/api/audit/verify").json();
                    assertThat(chainAfter.path("verified").asBoolean()).as(chainAfter.toString()).isTrue();
                    assertThat(chainAfter.path("head")).isEqualTo(chainBefore.path("head"));

                    rebuildEveryProjection(restoredApi);
                    Map<String, JsonNode> rebuilt = read(restoredApi, governed.reads());
                    for (String path : governed.reads()) {
                        assertThat(rebuilt.get(path)).as(path).isEqualTo(served.get(path));
                    }

                    timersAndTasksGoOn(restoredApi, governed.inReview());
                    assertThat(restoredApi.get("audrey", "/api/audit/verify").json().path("verified").asBoolean())
                            .isTrue();
                }
            }
        }
    }

    /** What the original engine holds when it is backed up: one contract of every kind of case, one still open. */
    private record Case(String published, String inReview, List<String> reads) {
    }

    private Case governSomething(Api api) {
        String run = Long.toString(System.nanoTime(), 36);
        String published = "backup-" + run;
        String inReview = "backup-open-" + run;
        propose(api, published);
        complete(api, "olivia", published + ":1.0.0", "ownerReview");
        await("published", () -> "PUBLISHED".equals(status(api, published)));

        Reply requested = api.post("mia", "/api/access-requests", "application/json", """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel",
                 "properties":["orders.order_id"],"until":"%s"}""".formatted(published,
                LocalDate.now(ZoneOffset.UTC).plusDays(200)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String requestId = requested.json().path("requestId").asText();
        complete(api, "olivia", requestId, "ownerApproval");
        await("granted", () -> "GRANTED".equals(api.get("mia", "/api/access-requests/" + requestId).json()
                .path("status").asText()));

        Reply quality = api.post("mike", "/api/quality-results", "application/json", """
                {"contractId":"%s","version":"1.0.0","runId":"nightly-1","runAt":"%s",
                 "results":[{"rule":"order_total_not_negative","passed":false,"measured":3,"details":"3 negative"}]}"""
                .formatted(published, Instant.now()));
        assertThat(quality.status()).as(quality.body()).isEqualTo(202);
        Reply raised = api.post("mike", "/api/incidents", "application/json", """
                {"contractId":"%s","kind":"FRESHNESS","severity":"SEV2","title":"Orders are late",
                 "description":"The nightly load did not run"}""".formatted(published));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        Reply deprecated = api.post("olivia", "/api/contracts/" + published + "/versions/1.0.0/deprecation",
                "application/json", """
                        {"reason":"moving to the event feed","sunset":"%s"}"""
                        .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(150)));
        assertThat(deprecated.status()).as(deprecated.body()).isEqualTo(202);
        String deprecationId = deprecated.json().path("deprecationId").asText();

        propose(api, inReview);
        await("review task of " + inReview, () -> !tasks(api, inReview + ":1.0.0", "ownerReview").isEmpty());
        await("both incidents", () -> api.get("mia", "/api/incidents?contractId=" + published).json().size() == 2);
        await("deprecation", () -> api.get("mia", "/api/deprecations/" + deprecationId).status() == 200);

        List<String> reads = new ArrayList<>(List.of("/api/contracts/" + published, "/api/contracts/" + inReview,
                "/api/contracts?domain=orders", "/api/contracts/" + published + "/consumers",
                "/api/access-requests/" + requestId, "/api/access-grants?contractId=" + published,
                "/api/contracts/" + published + "/versions/1.0.0/quality?to=2100-01-01T00:00:00Z",
                "/api/incidents?contractId=" + published,
                "/api/deprecations/" + deprecationId, "/api/deprecations?domain=orders", "/api/domains"));
        for (JsonNode incident : api.get("mia", "/api/incidents?contractId=" + published).json()) {
            reads.add("/api/incidents/" + incident.path("id").asText());
        }
        return new Case(published, inReview, reads);
    }

    private static void rebuildEveryProjection(Api api) {
        List<String> replayable = new ArrayList<>();
        for (JsonNode projection : api.get("admin", "/api/admin/projections").json()) {
            if (projection.path("replayable").asBoolean()) {
                replayable.add(projection.path("name").asText());
            }
        }
        assertThat(replayable).isNotEmpty();
        for (String name : replayable) {
            // the dump was taken while the original node held every processor: the copy takes them over
            // once those claims time out, and until then a rebuild is refused as processed elsewhere (409)
            Reply[] rebuilding = new Reply[1];
            await(name + " rebuilt on the copy", () -> {
                rebuilding[0] = api.post("admin", "/api/admin/projections/" + name + "/rebuild", "application/json", "");
                return rebuilding[0].status() != 409;
            });
            assertThat(rebuilding[0].status()).as(name + ": " + rebuilding[0].body()).isEqualTo(202);
        }
        await("every projection rebuilt", () -> {
            for (String name : replayable) {
                JsonNode status = api.get("admin", "/api/admin/projections/" + name).json();
                if (status.path("replaying").asBoolean() || status.path("position").asLong() < status.path("head").asLong()) {
                    return false;
                }
            }
            return true;
        });
        report("rebuilt %s", replayable);
    }

    /** The review's SLA timer, restored with the process, fires when due; its task is completed on the copy. */
    private static void timersAndTasksGoOn(Api api, String contractId) {
        String businessKey = contractId + ":1.0.0";
        String processId = api.get("admin", "/engine-rest/process-instance?businessKey=" + businessKey).json()
                .get(0).path("id").asText();
        JsonNode timers = api.get("admin", "/engine-rest/job?timers=true&processInstanceId=" + processId).json();
        assertThat(timers).as("the review's SLA timer came back with the process").hasSize(1);
        Reply due = api.put("admin", "/engine-rest/job/" + timers.get(0).path("id").asText() + "/duedate",
                "application/json", "{\"duedate\":\"%s\"}".formatted(CAMUNDA_DATE.format(OffsetDateTime.now())));
        assertThat(due.status()).as(due.body()).isEqualTo(204);
        await("the SLA timer escalated the review", () -> api.get("mia", "/api/contracts/" + contractId).json()
                .path("versions").get(0).path("escalations").size() == 1);

        complete(api, "olivia", businessKey, "ownerReview");
        await("published on the copy", () -> "PUBLISHED".equals(status(api, contractId)));
    }

    private static void propose(Api api, String contractId) {
        Reply proposed = api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", contractId));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
    }

    private static JsonNode tasks(Api api, String businessKey, String taskDefinitionKey) {
        return api.get("olivia", "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKey=" + taskDefinitionKey).json();
    }

    private static void complete(Api api, String user, String businessKey, String taskDefinitionKey) {
        await("task " + taskDefinitionKey + " of " + businessKey,
                () -> !tasks(api, businessKey, taskDefinitionKey).isEmpty());
        String taskId = tasks(api, businessKey, taskDefinitionKey).get(0).path("id").asText();
        Reply completed = api.post(user, "/engine-rest/task/" + taskId + "/complete", "application/json", """
                {"variables":{"decision":{"value":"approve"},"comment":{"value":"fine"}}}""");
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    private static String status(Api api, String contractId) {
        Reply contract = api.get("mia", "/api/contracts/" + contractId);
        return contract.status() == 200 ? contract.json().path("versions").get(0).path("status").asText() : null;
    }

    private static Map<String, JsonNode> read(Api api, List<String> paths) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : paths) {
            Reply reply = api.get("mia", path);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
            answers.put(path, reply.json());
        }
        return answers;
    }

    private static Duration run(String... command) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return Duration.between(started, Instant.now());
    }

    private static void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void report(String format, Object... arguments) {
        System.out.println("[backup] " + String.format(format, arguments));
    }
}
