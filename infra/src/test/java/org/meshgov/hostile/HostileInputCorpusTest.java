package org.meshgov.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.meshgov.identity.Actor;
import org.meshgov.support.Api;
import org.meshgov.support.Grants;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.meshgov.support.ShippingDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of malformed, oversized, mistyped, malicious and out-of-turn requests against every
 * write endpoint: each gets a 4xx that says what is wrong, the engine stays up, and the event log,
 * the process tables and every projection are exactly as before.
 */
@MeshgovSpringTest
class HostileInputCorpusTest {

    static final int AT_LEAST = 3000;
    static final List<String> MOVING_TABLES = List.of("tokenentry", "webhook_delivery", "flyway_schema_history",
            "idempotent_request", "event_chain_checkpoint");

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyHostileRequestIsRefusedClearlyAndChangesNothing() throws Exception {
        Api api = new Api(port);
        ShippingDomain.ensure(identity, api);
        String contractId = "hostile-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        String grantId = Grants.grant(contractId, "marketing", Actor.of("mia", "marketing-members"), commands, jdbc);
        assertThat(api.post("mike", "/api/quality-results", "application/json", """
                {"contractId":"%s","version":"1.0.0","runId":"run-1","runAt":"2026-11-27T06:00:00Z",
                 "results":[{"rule":"order_total_not_negative","passed":true,"measured":0}]}"""
                .formatted(contractId)).status()).isEqualTo(202);
        Map<String, String> before = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(this::stableState, state -> state != null);

        List<HostileCase> corpus = HostileCorpus.build(contractId, grantId, Path.of("..", "examples"));
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (HostileCase hostile : corpus) {
            HttpResponse<String> reply = send(hostile);
            statuses.merge(hostile.group().replaceAll("/.*", "") + " " + reply.statusCode(), 1, Integer::sum);
            String contentType = reply.headers().firstValue("Content-Type").orElse("");
            boolean refused = reply.statusCode() >= 400 && reply.statusCode() < 500;
            boolean explained = !hostile.reachesOurApi() || hostile.group().startsWith("path-ids")
                    || contentType.startsWith("application/problem+json") && reply.body().contains("violations");
            if (!refused || !explained) {
                failures.add(hostile.group() + " " + hostile.method() + " " + abbreviated(hostile.path()) + " → "
                        + reply.statusCode() + " " + contentType + " " + abbreviated(reply.body()) + " for "
                        + abbreviated(new String(hostile.body(), StandardCharsets.UTF_8)));
            }
        }
        report(corpus.size(), statuses, failures);

        assertThat(failures).as("hostile requests not refused with a 4xx problem").isEmpty();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(AT_LEAST);
        assertThat(api.get("mike", "/api/contracts/" + contractId).status()).isEqualTo(200);
        assertThat(await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .until(this::stableState, state -> state != null)).isEqualTo(before);
    }

    HttpResponse<String> send(HostileCase hostile) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + hostile.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (hostile.user() + ":" + hostile.user()).getBytes(StandardCharsets.UTF_8)))
                .method(hostile.method(), HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The state twice, two seconds apart; null while something (a processor catching up) still moves. */
    Map<String, String> stableState() throws InterruptedException {
        Map<String, String> first = state();
        Thread.sleep(2000);
        Map<String, String> second = state();
        return first.equals(second) ? second : null;
    }

    Map<String, String> state() {
        Map<String, String> state = new TreeMap<>();
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'act\\_%'""",
                String.class);
        for (String table : tables) {
            if (!MOVING_TABLES.contains(table)) {
                state.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), "
                        + "'' ORDER BY md5(t::text))), '') FROM " + table + " t", String.class));
            }
        }
        for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_hi_procinst",
                "act_hi_taskinst", "act_ru_job")) {
            state.put(table, String.valueOf(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)));
        }
        return state;
    }

    static void report(int cases, Map<String, Integer> statuses, List<String> failures) throws IOException {
        StringBuilder text = new StringBuilder("hostile requests: " + cases + "\n");
        statuses.forEach((groupAndStatus, count) -> text.append(groupAndStatus).append(": ").append(count)
                .append('\n'));
        text.append("not refused clearly: ").append(failures.size()).append('\n');
        failures.stream().limit(200).forEach(failure -> text.append(failure).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "hostile-corpus-report.txt"), text);
        System.out.println(text.length() > 20_000 ? text.substring(0, 20_000) : text);
    }

    static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…(" + oneLine.length() + ")" : oneLine;
    }
}
