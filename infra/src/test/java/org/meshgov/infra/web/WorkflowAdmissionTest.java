package org.meshgov.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.Contract;
import org.meshgov.contract.review.ContractReviewProcess;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A proposal waits while the review workflow's live segments are too far behind the log, and is
 * refused with 503, storing nothing, when they stay behind (ADR 17). The workflow being behind is a
 * claimed token far below the head, as another node that lags would leave it.
 */
@MeshgovSpringTest
class WorkflowAdmissionTest {

    private static final String GROUP = ContractReviewProcess.PROCESSING_GROUP;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    RuntimeService runtime;
    @Autowired
    WorkflowAdmissionProperties properties;

    Api api;
    StreamingEventProcessor processor;
    List<Map<String, Object>> tokens;

    @BeforeEach
    void stopTheReviewWorkflowAndKeepItsTokens() {
        api = new Api(port);
        processor = processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        // a processor stopped while it is still claiming its segments can keep a claim it never works on
        awaitWorkingOnEverySegment();
        processor.shutDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL", Long.class, GROUP) == 0);
        tokens = jdbc.queryForList("SELECT segment, token, tokentype, \"timestamp\", owner FROM tokenentry "
                + "WHERE processorname = ?", GROUP);
    }

    @AfterEach
    void restoreItsTokensAndStartItAgain() {
        restoreTokens();
        processor.start();
        // every test after this one, in any class of the shared context, needs the review workflow running
        awaitWorkingOnEverySegment();
    }

    void awaitWorkingOnEverySegment() {
        int segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class,
                GROUP);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> processor.isRunning()
                    && processor.processingStatus().size() == segments);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the review workflow does not work on its " + segments + " segments; "
                    + whatTheWorkflowIsDoing(), e);
        }
    }

    void restoreTokens() {
        for (Map<String, Object> token : tokens) {
            jdbc.update("UPDATE tokenentry SET token = ?, tokentype = ?, \"timestamp\" = ?, owner = ? "
                            + "WHERE processorname = ? AND segment = ?", token.get("token"), token.get("tokentype"),
                    token.get("timestamp"), token.get("owner"), GROUP, token.get("segment"));
        }
    }

    /** Every segment claimed by another node, renewed at {@code renewedAt}, this many events behind the head. */
    void segmentsClaimedElsewhere(long behind, Instant renewedAt) {
        segmentClaimedElsewhere("segment >= 0", behind, renewedAt);
    }

    void segmentClaimedElsewhere(String segments, long behind, Instant renewedAt) {
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        jdbc.update("UPDATE tokenentry SET tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken', "
                        + "token = convert_to(?, 'UTF8'), \"timestamp\" = ?, owner = 'a-node-that-lags' "
                        + "WHERE processorname = ? AND " + segments,
                "{\"index\":" + (head - behind) + ",\"gaps\":[]}", renewedAt.toString(), GROUP);
    }

    Api.Reply propose(String contractId) {
        return api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", contractId));
    }

    long eventsOf(String contractId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                Contract.aggregateId(contractId));
    }

    @Test
    void aProposalWaitsWhileTheWorkflowIsBehindAndGoesThroughOnceItHasCaughtUp() throws Exception {
        String contractId = "admitted-" + UUID.randomUUID();
        segmentsClaimedElsewhere(properties.maxBacklog() + 1_000, Instant.now());

        CompletableFuture<Api.Reply> proposal = CompletableFuture.supplyAsync(() -> propose(contractId));
        Thread.sleep(1_000);
        assertThat(proposal).isNotDone();
        assertThat(eventsOf(contractId)).isZero();

        restoreTokens();
        Api.Reply accepted = proposal.get();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(eventsOf(contractId)).isEqualTo(1);
    }

    @Test
    void aProposalIsRefusedWith503AndStoresNothingWhenTheWorkflowStaysBehind() {
        String contractId = "refused-" + UUID.randomUUID();
        segmentsClaimedElsewhere(properties.maxBacklog() + 1_000, Instant.now());
        // the claim is renewed while the request waits, as a live node's would be
        CompletableFuture<Void> renewing = CompletableFuture.runAsync(() -> {
            long until = System.nanoTime() + properties.maxWait().plusSeconds(2).toNanos();
            while (System.nanoTime() < until) {
                jdbc.update("UPDATE tokenentry SET \"timestamp\" = ? WHERE processorname = ?",
                        Instant.now().toString(), GROUP);
                sleep(500);
            }
        });

        long began = System.nanoTime();
        Api.Reply refused = propose(contractId);
        long waited = (System.nanoTime() - began) / 1_000_000;
        renewing.join();

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.json().path("violations").get(0).path("rule").asText()).isEqualTo("workflow-backlog");
        assertThat(waited).isGreaterThanOrEqualTo(properties.maxWait().toMillis());
        assertThat(eventsOf(contractId)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(contractId + ":%").count())
                .isZero();
    }

    @Test
    void aProposalWaitsOnlyForTheSegmentThatWillStartItsProcess() {
        int[] segments = jdbc.queryForList("SELECT segment FROM tokenentry WHERE processorname = ? ORDER BY segment",
                Integer.class, GROUP).stream().mapToInt(Integer::intValue).toArray();
        assertThat(segments).as("the review workflow runs in two segments (application.yml)").hasSize(2);
        Segment first = Segment.computeSegment(segments[0], segments);
        String contractId = "other-segment-" + UUID.randomUUID();
        while (first.matches(Contract.aggregateId(contractId))) {
            contractId = "other-segment-" + UUID.randomUUID();
        }
        segmentClaimedElsewhere("segment = " + segments[0], properties.maxBacklog() + 1_000, Instant.now());

        Api.Reply accepted = propose(contractId);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void aSegmentWhoseNodeStoppedRenewingItsClaimDoesNotHoldProposalsBackEvenBeforeTheClaimTimesOut() {
        String contractId = "orphaned-" + UUID.randomUUID();
        // a node killed five seconds ago: its claims hold for another five (claim-timeout 10 s)
        segmentsClaimedElsewhere(properties.maxBacklog() + 1_000, Instant.now().minus(Duration.ofSeconds(5)));

        Api.Reply accepted = propose(contractId);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void aStoppedWorkflowDoesNotHoldProposalsBackAndStartsTheirProcessesWhenItRunsAgain() {
        String contractId = "queued-" + UUID.randomUUID();

        Api.Reply accepted = propose(contractId);
        restoreTokens();
        processor.start();

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(ContractReviewProcess.businessKey(contractId, "1.0.0")).count() == 1);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no review process for " + contractId + "; " + whatTheWorkflowIsDoing(), e);
        }
    }

    /** For a run where the workflow did not resume: its segments, its tokens, and what the database is waiting on. */
    String whatTheWorkflowIsDoing() {
        return "review workflow running=" + processor.isRunning() + " error=" + processor.isError() + " segments="
                + processor.processingStatus() + "\ntokens=" + jdbc.queryForList(
                        "SELECT segment, owner, \"timestamp\", convert_from(token, 'UTF8') AS token FROM tokenentry "
                                + "WHERE processorname = ?", GROUP)
                + "\nsessions=" + jdbc.queryForList("SELECT pid, state, wait_event_type, wait_event, "
                + "now() - xact_start AS in_transaction, left(query, 200) AS query FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
