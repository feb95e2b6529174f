package org.meshgov.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Api.Reply;
import org.meshgov.support.EngineNode;
import org.meshgov.support.Examples;
import org.meshgov.support.ScratchDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two engine nodes, each in a JVM of its own, on one PostgreSQL (ADR 13). A mixed load goes to both:
 * proposals, reviews completed through {@code /engine-rest} on the other node, access requests and
 * their approval, quality results that open incidents, incidents raised by people, and the same
 * contract written from both nodes at the same moment. In the middle of it the node that runs the
 * event processors is killed with -9; the other must take over its processors and its Camunda jobs
 * within a minute, and once the killed node is back nothing may be lost or done twice.
 *
 * <p>Not a Spring test: the nodes are separate JVMs; this class is only their HTTP and SQL client.
 */
class TwoNodesTest {

    private static final Duration TAKEOVER_LIMIT = Duration.ofMinutes(1);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
    private static final int FIRST_WAVE = 8;
    private static final int SECOND_WAVE = 4;
    private static final int KILL_AFTER_STORIES = 3;
    // nobody listens there: deliveries fail, but every webhook the engine owes is queued as a row
    private static final String WEBHOOK_URL = "http://127.0.0.1:9/meshgov-hooks";

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final AtomicInteger failovers = new AtomicInteger();
    private final Set<String> contracts = ConcurrentHashMap.newKeySet();
    private final Set<String> accessRequests = ConcurrentHashMap.newKeySet();
    private final Set<String> raisedIncidents = ConcurrentHashMap.newKeySet();
    private EngineNode[] nodes;

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void twoNodesShareTheLoadAndTheSurvivorOfAKillTakesOverWithNothingLostOrDoneTwice() throws Exception {
        ScratchDatabase.assumeReachable();
        try (ScratchDatabase database = ScratchDatabase.create("meshgov_nodes")) {
            Map<String, String> environment = new HashMap<>(database.engineEnvironment());
            environment.put("MESHGOV_WEBHOOK_URLS", WEBHOOK_URL);
            environment.put("MESHGOV_WEBHOOK_SECRET", "cluster-test");
            // demo seeding is not meant to race: the second node starts once the first is ready
            try (EngineNode first = EngineNode.start("node-a", environment);
                 EngineNode second = EngineNode.start("node-b", environment)) {
                nodes = new EngineNode[] {first, second};
                report("boot node-a %d ms, node-b %d ms", first.lastBoot().toMillis(), second.lastBoot().toMillis());
                JdbcTemplate jdbc = database.jdbc();

                CountDownLatch storiesDone = new CountDownLatch(KILL_AFTER_STORIES);
                List<Future<?>> firstWave = stories(0, FIRST_WAVE, storiesDone);
                assertThat(storiesDone.await(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

                killTheProcessingNodeAndMeasureTakeover(jdbc);

                finish(firstWave);
                finish(stories(FIRST_WAVE, FIRST_WAVE + SECOND_WAVE, new CountDownLatch(0)));

                awaitQuiet(jdbc);
                everyAcceptedCommandHasExactlyItsEvents(jdbc);
                everyAggregateIsGapFreeAndEveryEventChained(jdbc);
                everyCaseHasExactlyOneProcessAndEveryTaskRanOnce(jdbc);
                everyWebhookIsQueuedExactlyOnce(jdbc);
                Map<String, JsonNode> answers = bothNodesAnswerTheSame();
                aRebuildIsDoneByTheNodeThatHoldsTheProjection(jdbc);
                assertThat(bothNodesAnswerTheSame()).as("reads after the rebuild").isEqualTo(answers);
                report("conflicts retried by the command gateway: %d; requests sent to the other node after a "
                        + "connection failure: %d", retriesLogged(), failovers.get());
            }
        }
    }

    private List<Future<?>> stories(int from, int to, CountDownLatch done) {
        List<Future<?>> stories = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int story = i;
            stories.add(clients.submit(() -> {
                story(story);
                done.countDown();
            }));
        }
        return stories;
    }

    /**
     * One contract's life, spread over both nodes: {@code home} takes the requests, {@code other}
     * the task completions, and twice both nodes write the same contract at the same moment.
     */
    private void story(int i) {
        String contractId = "nodes-" + run + "-" + i;
        contracts.add(contractId);
        int home = i % 2;
        int other = 1 - home;

        // both nodes propose the same first version at once: exactly one is accepted
        String first = Examples.ordersContract("orders-v1.0.0.yaml", contractId);
        boolean keyed = i % 4 >= 2;
        List<Sent> race = race(
                () -> send(home, api -> keyed
                        ? api.post("mike", "/api/contracts", "application/yaml", first, "Idempotency-Key", contractId + "-a")
                        : api.post("mike", "/api/contracts", "application/yaml", first)),
                () -> send(other, api -> keyed
                        ? api.post("mike", "/api/contracts", "application/yaml", first, "Idempotency-Key", contractId + "-b")
                        : api.post("mike", "/api/contracts", "application/yaml", first)));
        if (race.stream().noneMatch(Sent::failedOver)) {
            assertThat(race).as("two proposals of %s 1.0.0 at once", contractId)
                    .extracting(sent -> sent.reply().status()).containsOnlyOnce(202)
                    .allMatch(status -> status == 202 || status == 409 || status == 422);
        }

        completeTask(other, "olivia", contractId + ":1.0.0", "ownerReview");
        awaitStep(contractId + " 1.0.0 published", () -> "PUBLISHED".equals(
                versionStatus(send(home, api -> api.get("mia", "/api/contracts/" + contractId)).reply(), "1.0.0")));

        String accessRequest = """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel",
                 "properties":["orders.order_id"],"until":"%s"}""".formatted(contractId,
                LocalDate.now(ZoneOffset.UTC).plusDays(200));
        Reply requested = send(home, api -> api.post("mia", "/api/access-requests", "application/json", accessRequest,
                "Idempotency-Key", contractId + "-access")).reply();
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String requestId = requested.json().path("requestId").asText();
        accessRequests.add(requestId);
        completeTask(other, "olivia", requestId, "ownerApproval");
        awaitStep(contractId + " access granted", () -> "GRANTED".equals(send(home, api -> api.get("mia",
                "/api/access-requests/" + requestId)).reply().json().path("status").asText()));

        // one body for every attempt: a retry after a failover is the same request under the same key
        String qualityRun = """
                {"contractId":"%s","version":"1.0.0","runId":"nightly-1","runAt":"%s",
                 "results":[{"rule":"order_total_not_negative","passed":false,"measured":3,"details":"3 negative"}]}"""
                .formatted(contractId, Instant.now());
        Reply quality = send(home, api -> api.post("mike", "/api/quality-results", "application/json", qualityRun,
                "Idempotency-Key", contractId + "-quality")).reply();
        assertThat(quality.status()).as(quality.body()).isEqualTo(202);
        Reply raised = send(other, api -> api.post("mike", "/api/incidents", "application/json", """
                {"contractId":"%s","kind":"FRESHNESS","severity":"SEV3","title":"Orders are late",
                 "description":"The nightly load did not run"}""".formatted(contractId),
                "Idempotency-Key", contractId + "-incident")).reply();
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        raisedIncidents.add(raised.json().path("incidentId").asText());

        // the same contract from both nodes at once, two commands that both hold in either order
        String major = Examples.ordersContract("orders-v2.0.0.yaml", contractId);
        List<Sent> both = race(
                () -> send(home, api -> api.post("olivia", "/api/contracts/" + contractId + "/versions/1.0.0/deprecation",
                        "application/json", """
                                {"reason":"moving to 2.0.0","sunset":"%s"}"""
                                .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(150)))),
                () -> send(other, api -> api.post("mike", "/api/contracts", "application/yaml", major)));
        if (both.stream().noneMatch(Sent::failedOver)) {
            assertThat(both).as("deprecation of 1.0.0 and proposal of 2.0.0 of %s at once", contractId)
                    .allSatisfy(sent -> assertThat(sent.reply().status()).as(sent.reply().body()).isEqualTo(202));
        }
    }

    /**
     * Kills the node whose processors hold the most segments (the first one started holds them all)
     * and measures how long the survivor takes to hold every segment and to run a Camunda job the
     * dead node had locked.
     */
    private void killTheProcessingNodeAndMeasureTakeover(JdbcTemplate jdbc) {
        Map<String, Integer> segmentsByOwner = new HashMap<>();
        jdbc.query("SELECT owner, count(*) AS segments FROM tokenentry WHERE owner IS NOT NULL GROUP BY owner",
                row -> { segmentsByOwner.put(row.getString("owner"), row.getInt("segments")); });
        EngineNode victim = segmentsByOwner.getOrDefault(nodes[0].tokenOwner(), 0)
                >= segmentsByOwner.getOrDefault(nodes[1].tokenOwner(), 0) ? nodes[0] : nodes[1];
        EngineNode survivor = victim == nodes[0] ? nodes[1] : nodes[0];
        String victimOwner = victim.tokenOwner();
        int segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry", Integer.class);
        report("segments before the kill: %s (%s = %s, %s = %s)", segmentsByOwner, nodes[0].name(),
                nodes[0].tokenOwner(), nodes[1].name(), nodes[1].tokenOwner());

        victim.kill();
        Instant killed = Instant.now();
        // A node that dies between acquiring a job and finishing it leaves exactly this row behind:
        // the job due, locked to it for the configured lock time, which runs from the kill. Written
        // here so that the case happens every run instead of by luck of timing. The timer is a 2.0.0
        // review's, which no story decides: a 1.0.0 review's task is completed by its story at any
        // moment, which deletes its timer. The survivor may have to start that review first.
        List<String> locked = new ArrayList<>();
        awaitStep("a 2.0.0 review timer to lock as " + victim.name(), () -> locked.addAll(jdbc.queryForList("""
                UPDATE act_ru_job SET duedate_ = now(), lock_owner_ = ?,
                       lock_exp_time_ = CAST(? AS timestamptz) + interval '30 seconds'
                WHERE id_ = (SELECT j.id_ FROM act_ru_job j
                             JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                             JOIN act_ru_execution p ON p.id_ = j.process_instance_id_
                             WHERE d.act_id_ = 'ownerReviewOverdue' AND j.lock_owner_ IS NULL
                               AND p.business_key_ LIKE '%:2.0.0' LIMIT 1)
                RETURNING process_instance_id_""", String.class, "killed-" + victim.name(),
                Timestamp.from(killed))));
        String lockedJob = locked.get(0);
        String escalatedCase = jdbc.queryForObject(
                "SELECT business_key_ FROM act_ru_execution WHERE id_ = ?", String.class, lockedJob);
        String escalatedContract = "contract:" + escalatedCase.substring(0, escalatedCase.lastIndexOf(':'));

        Duration processors = awaitTakeover("every segment held by " + survivor.name(), killed, () ->
                jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE owner = ?", Integer.class,
                        survivor.tokenOwner()) == segments);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE owner = ?", Integer.class, victimOwner))
                .isZero();
        Duration jobs = awaitTakeover("the dead node's locked job run by " + survivor.name(), killed, () ->
                jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype = 'org.meshgov.contract.ContractReviewEscalatedEvent'", Integer.class,
                        escalatedContract) == 1);
        report("kill -9 of %s: %d segments taken over by %s after %d ms; its locked job run after %d ms",
                victim.name(), segments, survivor.name(), processors.toMillis(), jobs.toMillis());

        victim.restart();
        report("%s restarted in %d ms", victim.name(), victim.lastBoot().toMillis());
    }

    private Duration awaitTakeover(String what, Instant since, BooleanSupplier done) {
        Instant deadline = since.plus(TAKEOVER_LIMIT);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + TAKEOVER_LIMIT).isBefore(deadline);
            pause(Duration.ofMillis(200));
        }
        return Duration.between(since, Instant.now());
    }

    /** Processors are done once every event's consequences are there: nothing pending anywhere. */
    private void awaitQuiet(JdbcTemplate jdbc) {
        awaitStep("every proposal has its process", () -> jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype = 'org.meshgov.contract.ContractVersionProposedEvent'
                  AND aggregateidentifier LIKE ?""", Integer.class, "contract:nodes-" + run + "-%")
                .equals(jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE ?",
                        Integer.class, "nodes-" + run + "-%")));
        awaitStep("every quality failure has its incident", () -> jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE payloadtype = 'org.meshgov.incident.IncidentRaisedEvent'
                """, Integer.class) == 2 * contracts.size());
        awaitStep("every grant and incident is queued as a webhook", () -> jdbc.queryForObject(
                "SELECT count(*) FROM webhook_delivery", Integer.class) == 3 * contracts.size());
    }

    private void everyAcceptedCommandHasExactlyItsEvents(JdbcTemplate jdbc) {
        for (String contractId : contracts) {
            String aggregate = "contract:" + contractId;
            assertThat(eventsOf(jdbc, aggregate, "contract.ContractVersionProposedEvent", "version", "1.0.0"))
                    .as("proposals of %s 1.0.0", contractId).isEqualTo(1);
            assertThat(eventsOf(jdbc, aggregate, "contract.ContractVersionProposedEvent", "version", "2.0.0"))
                    .as("proposals of %s 2.0.0", contractId).isEqualTo(1);
            assertThat(eventsOf(jdbc, aggregate, "contract.ContractReviewDecidedEvent", "version", "1.0.0"))
                    .as("reviews of %s 1.0.0", contractId).isEqualTo(1);
            assertThat(eventsOf(jdbc, aggregate, "contract.ContractVersionPublishedEvent", "version", "1.0.0"))
                    .isEqualTo(1);
            assertThat(eventsOf(jdbc, aggregate, "deprecation.ContractVersionDeprecatedEvent", "version", "1.0.0"))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM domainevententry
                    WHERE payloadtype = 'org.meshgov.quality.QualityResultsRecordedEvent'
                      AND convert_from(payload, 'UTF8')::jsonb ->> 'contractId' = ?""", Integer.class, contractId))
                    .as("quality runs of %s", contractId).isEqualTo(1);
        }
        for (String requestId : accessRequests) {
            String aggregate = jdbc.queryForObject("""
                    SELECT DISTINCT aggregateidentifier FROM domainevententry
                    WHERE payloadtype = 'org.meshgov.access.AccessRequestedEvent'
                      AND convert_from(payload, 'UTF8')::jsonb ->> 'requestId' = ?""", String.class, requestId);
            assertThat(eventsOf(jdbc, aggregate, "access.AccessRequestedEvent", "requestId", requestId)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND payloadtype = 'org.meshgov.access.AccessGrantedEvent'", Integer.class, aggregate))
                    .as("grants of %s", requestId).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = "
                + "'org.meshgov.access.AccessRequestedEvent'", Integer.class)).isEqualTo(accessRequests.size());
        for (String incidentId : raisedIncidents) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ? "
                    + "AND payloadtype = 'org.meshgov.incident.IncidentRaisedEvent'", Integer.class, "%" + incidentId))
                    .as("incident %s", incidentId).isEqualTo(1);
        }
    }

    private static int eventsOf(JdbcTemplate jdbc, String aggregate, String type, String field, String value) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = ? AND convert_from(payload, 'UTF8')::jsonb ->> ? = ?""",
                Integer.class, aggregate, "org.meshgov." + type, field, value);
    }

    private static void everyAggregateIsGapFreeAndEveryEventChained(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList("""
                SELECT aggregateidentifier FROM domainevententry GROUP BY aggregateidentifier
                HAVING min(sequencenumber) <> 0 OR max(sequencenumber) <> count(*) - 1""", String.class))
                .as("aggregates whose sequence has a gap").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                .as("every stored event is chained").isEqualTo(jdbc.queryForObject(
                        "SELECT position FROM event_chain_head", Long.class));
    }

    private void everyCaseHasExactlyOneProcessAndEveryTaskRanOnce(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList("""
                SELECT proc_def_key_ || '/' || business_key_ FROM act_hi_procinst
                GROUP BY proc_def_key_, business_key_ HAVING count(*) > 1""", String.class))
                .as("cases with more than one process").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT c.case_key FROM workflow_case c
                LEFT JOIN act_hi_procinst p ON c.case_key = p.proc_def_key_ || '/' || p.business_key_
                GROUP BY c.case_key HAVING count(p.id_) <> 1""", String.class))
                .as("claimed cases without exactly one process").isEmpty();
        for (String contractId : contracts) {
            for (String version : List.of("1.0.0", "2.0.0")) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM workflow_case WHERE case_key = ?", Integer.class,
                        "contract-review/" + contractId + ":" + version)).as("review of %s %s", contractId, version)
                        .isEqualTo(1);
            }
        }
        for (String requestId : accessRequests) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = ?",
                    Integer.class, requestId)).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("""
                SELECT proc_inst_id_ || ' ' || task_def_key_ FROM act_hi_taskinst
                GROUP BY proc_inst_id_, task_def_key_ HAVING count(*) > 1""", String.class))
                .as("user tasks created more than once").isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM act_hi_taskinst t JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_
                WHERE t.task_def_key_ = 'ownerReview' AND t.end_time_ IS NOT NULL AND t.delete_reason_ = 'completed'
                  AND p.business_key_ LIKE ?""", Integer.class, "nodes-" + run + "-%"))
                .as("review tasks completed").isEqualTo(contracts.size());
    }

    private static void everyWebhookIsQueuedExactlyOnce(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry e
                WHERE e.payloadtype IN ('org.meshgov.access.AccessGrantedEvent', 'org.meshgov.incident.IncidentRaisedEvent')
                  AND (SELECT count(*) FROM webhook_delivery w WHERE w.event_id = e.eventidentifier) <> 1""",
                Integer.class)).as("grants and incidents without exactly one webhook").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM webhook_delivery w
                WHERE NOT EXISTS (SELECT 1 FROM domainevententry e WHERE e.eventidentifier = w.event_id)""",
                Integer.class)).as("webhooks of no stored event").isZero();
    }

    /** Both nodes read the same database; they must give the same answers, and the right ones. */
    private Map<String, JsonNode> bothNodesAnswerTheSame() {
        Map<String, JsonNode> answers = new HashMap<>();
        List<String> reads = new ArrayList<>(List.of("/api/contracts?domain=orders", "/api/incidents",
                "/api/access-requests?consumerDomain=marketing", "/api/deprecations"));
        for (String contractId : contracts) {
            reads.add("/api/contracts/" + contractId);
            reads.add("/api/contracts/" + contractId + "/consumers");
            reads.add("/api/incidents?contractId=" + contractId);
            reads.add("/api/contracts/" + contractId + "/versions/1.0.0/quality?to=2100-01-01T00:00:00Z");
        }
        for (String path : reads) {
            Reply onFirst = nodes[0].api().get("mia", path);
            Reply onSecond = nodes[1].api().get("mia", path);
            assertThat(onFirst.status()).as(path).isEqualTo(200);
            assertThat(onSecond.json()).as(path).isEqualTo(onFirst.json());
            answers.put(path, onFirst.json());
        }
        for (String contractId : contracts) {
            JsonNode contract = nodes[0].api().get("mia", "/api/contracts/" + contractId).json();
            assertThat(versionStatus(contract, "1.0.0")).isEqualTo("DEPRECATED");
            assertThat(versionStatus(contract, "2.0.0")).isEqualTo("IN_REVIEW");
        }
        for (EngineNode node : nodes) {
            JsonNode verified = node.api().get("audrey", "/api/audit/verify").json();
            assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
        }
        return answers;
    }

    /**
     * Only the node that holds a projection's segment can reset it; another node says which one does.
     * Between the holder releasing its claim and resetting, the other node may take the segment: then
     * the rebuild goes to that one.
     */
    private void aRebuildIsDoneByTheNodeThatHoldsTheProjection(JdbcTemplate jdbc) {
        String projection = "contract-catalog";
        for (int attempt = 1; ; attempt++) {
            String holder = jdbc.queryForObject("SELECT owner FROM tokenentry WHERE processorname = ?", String.class,
                    projection);
            EngineNode holding = nodes[0].tokenOwner().equals(holder) ? nodes[0] : nodes[1];
            EngineNode notHolding = holding == nodes[0] ? nodes[1] : nodes[0];
            Reply refused = notHolding.api().post("admin", "/api/admin/projections/" + projection + "/rebuild",
                    "application/json", "");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains(holder);
            Reply rebuilding = holding.api().post("admin", "/api/admin/projections/" + projection + "/rebuild",
                    "application/json", "");
            if (rebuilding.status() == 202) {
                awaitStep(projection + " rebuilt", () -> {
                    JsonNode status = holding.api().get("admin", "/api/admin/projections/" + projection).json();
                    return !status.path("replaying").asBoolean()
                            && status.path("position").asLong() >= status.path("head").asLong();
                });
                return;
            }
            assertThat(attempt).as(rebuilding.body()).isLessThan(3);
        }
    }

    private record Sent(Reply reply, boolean failedOver) {
    }

    /**
     * Sends to the preferred node; when that node is down (or dies during the request) sends the
     * same request to the other one, as a load balancer would, until one answers.
     */
    private Sent send(int preferred, Function<Api, Reply> request) {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        int node = preferred;
        boolean failedOver = false;
        while (true) {
            try {
                return new Sent(request.apply(nodes[node].api()), failedOver);
            } catch (UncheckedIOException down) {
                assertThat(Instant.now()).as("a node answers").isBefore(deadline);
                failovers.incrementAndGet();
                failedOver = true;
                node = 1 - node;
                pause(Duration.ofMillis(200));
            }
        }
    }

    private List<Sent> race(Supplier<Sent> one, Supplier<Sent> another) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Sent> first = CompletableFuture.supplyAsync(() -> awaitThen(start, one), clients);
        CompletableFuture<Sent> second = CompletableFuture.supplyAsync(() -> awaitThen(start, another), clients);
        start.countDown();
        return List.of(first.join(), second.join());
    }

    private static Sent awaitThen(CountDownLatch start, Supplier<Sent> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return request.get();
    }

    /**
     * Completes the case's open task with an approval on the given node. A task that is gone after a
     * failover was completed by the request that lost its answer; a 409 (the case changed meanwhile)
     * is tried again.
     */
    private void completeTask(int node, String user, String businessKey, String taskDefinitionKey) {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
                + taskDefinitionKey;
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (true) {
            JsonNode tasks = send(node, api -> api.get(user, query)).reply().json();
            if (tasks.isArray() && !tasks.isEmpty()) {
                String taskId = tasks.get(0).path("id").asText();
                Sent completed = send(node, api -> api.post(user, "/engine-rest/task/" + taskId + "/complete",
                        "application/json", """
                                {"variables":{"decision":{"value":"approve"},"comment":{"value":"fine"}}}"""));
                int status = completed.reply().status();
                if (status == 204 || (status == 404 && completed.failedOver())) {
                    return;
                }
                assertThat(status).as(completed.reply().body()).isEqualTo(409);
            }
            assertThat(Instant.now()).as("task " + taskDefinitionKey + " of " + businessKey).isBefore(deadline);
            pause(Duration.ofMillis(250));
        }
    }

    private static String versionStatus(Reply contract, String version) {
        return contract.status() == 200 ? versionStatus(contract.json(), version) : null;
    }

    private static String versionStatus(JsonNode contract, String version) {
        for (JsonNode v : contract.path("versions")) {
            if (version.equals(v.path("version").asText())) {
                return v.path("status").asText();
            }
        }
        return null;
    }

    private static void awaitStep(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            pause(Duration.ofMillis(250));
        }
    }

    private static void finish(List<Future<?>> stories) throws Exception {
        for (Future<?> story : stories) {
            story.get(2 * STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private long retriesLogged() throws IOException {
        long retries = 0;
        for (EngineNode node : nodes) {
            try (var lines = Files.lines(node.log())) {
                retries += lines.filter(line -> line.contains("Will retry")).count();
            }
        }
        return retries;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void report(String format, Object... arguments) {
        System.out.println("[two nodes] " + String.format(format, arguments));
    }
}
