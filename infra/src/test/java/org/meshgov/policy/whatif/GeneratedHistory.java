package org.meshgov.policy.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.access.ApprovalRole;
import org.meshgov.contract.ChangeLevel;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.contract.ReviewPlan;
import org.meshgov.contract.validation.ContentHash;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.domain.DomainRegisteredEvent;
import org.meshgov.domain.DomainStageChangedEvent;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.support.Examples;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A history of past cases whose answers are known by construction, written as the engine would
 * store it (the engine's own event serializer) into an event table of its own schema, so that the
 * shared event log and its processors never see it.
 *
 * <p>Ten domains {@code d0..d9}: d0 to d3 are pilots (d3 moves to onboarding halfway through),
 * d4 to d6 onboarding, d7 to d9 federated. Case {@code i} belongs to domain {@code (i / 5) % 10} and
 * is, by {@code i % 5}: an access request (0, 1) lasting 200 days when {@code i % 3 == 0}, else 60;
 * a contract proposal (2, 3) of the orders example, whose restricted customer_id has a quality rule
 * unless {@code i % 4 == 0}; a deprecation (4) with 45 days of notice when {@code i % 2 == 0}, else
 * 200, and no consumers.
 */
final class GeneratedHistory {

    static final String SCHEMA = "whatif_bench";
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int BATCH = 1_000;

    private final JdbcTemplate shared;
    private final Serializer serializer;
    private final JsonNode unwatched;
    private final JsonNode watched;

    GeneratedHistory(JdbcTemplate shared, Serializer serializer) {
        this.shared = shared;
        this.serializer = serializer;
        this.unwatched = new ContractDocumentParser().parse(Examples.read("orders-v1.0.0.yaml")
                .getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
        ObjectNode copy = unwatched.deepCopy();
        ((ObjectNode) copy.path("schema").get(0).path("properties").get(1)).putArray("quality").addObject()
                .put("id", "customer_id_not_null").put("metric", "nullValues").put("mustBe", 0);
        this.watched = copy;
    }

    static String domainOf(int i) {
        return "d" + (i / 5) % 10;
    }

    /** The stage a case was judged at: d3 moves to onboarding at case {@code cases / 2}. */
    static OnboardingStage stageOf(int i, int cases) {
        int domain = (i / 5) % 10;
        if (domain == 3) {
            return i < cases / 2 ? OnboardingStage.PILOT : OnboardingStage.ONBOARDING;
        }
        return domain < 3 ? OnboardingStage.PILOT : domain < 7 ? OnboardingStage.ONBOARDING
                : OnboardingStage.FEDERATED;
    }

    static boolean isAccess(int i) {
        return i % 5 < 2;
    }

    static boolean isProposal(int i) {
        return i % 5 == 2 || i % 5 == 3;
    }

    static boolean isDeprecation(int i) {
        return i % 5 == 4;
    }

    static boolean longGrant(int i) {
        return i % 3 == 0;
    }

    static boolean unwatchedSensitiveData(int i) {
        return i % 4 == 0;
    }

    static boolean shortNotice(int i) {
        return i % 2 == 0;
    }

    /** Writes the history into a fresh {@value #SCHEMA} and returns a data source that reads it. */
    DataSource write(int cases) {
        shared.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        shared.execute("CREATE SCHEMA " + SCHEMA);
        // the table of V1, with a sequence of its own: the shared log's global index must not jump
        shared.execute("""
                CREATE TABLE %s.domainevententry (
                    globalindex BIGSERIAL PRIMARY KEY, aggregateidentifier VARCHAR(255) NOT NULL,
                    sequencenumber BIGINT NOT NULL, type VARCHAR(255), eventidentifier VARCHAR(255) NOT NULL UNIQUE,
                    metadata BYTEA, payload BYTEA NOT NULL, payloadrevision VARCHAR(255),
                    payloadtype VARCHAR(255) NOT NULL, "timestamp" VARCHAR(255) NOT NULL,
                    UNIQUE (aggregateidentifier, sequencenumber))""".formatted(SCHEMA));
        DataSource history = dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(history);
        List<Object[]> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            String domain = "d" + d;
            rows.add(row("domain:" + domain, 0, new DomainRegisteredEvent(domain, domain, null, domain + "-owners",
                    domain + "-members", "admin"), START));
            if (d >= 4) {
                rows.add(row("domain:" + domain, 1, changed(domain, OnboardingStage.PILOT,
                        OnboardingStage.ONBOARDING), START));
            }
            if (d >= 7) {
                rows.add(row("domain:" + domain, 2, changed(domain, OnboardingStage.ONBOARDING,
                        OnboardingStage.FEDERATED), START));
            }
        }
        for (int i = 0; i < cases; i++) {
            if (i == cases / 2) {
                rows.add(row("domain:d3", 1, changed("d3", OnboardingStage.PILOT, OnboardingStage.ONBOARDING),
                        at(i)));
            }
            rows.add(pastCase(i));
            if (rows.size() >= BATCH) {
                insert(jdbc, rows);
            }
        }
        insert(jdbc, rows);
        return history;
    }

    private Object[] pastCase(int i) {
        String domain = domainOf(i);
        Instant at = at(i);
        if (isAccess(i)) {
            return row("access:r" + i, 0, new AccessRequestedEvent("r" + i, "c" + i, 1, "1.0.0", domain,
                    domain + "-owners", "consumer", "consumer-owners", "weekly campaign attribution per channel",
                    List.of("orders.order_id"), List.of(), at.plus(Duration.ofDays(longGrant(i) ? 200 : 60)),
                    List.of(ApprovalRole.OWNER), null, "mia", null), at);
        }
        if (isProposal(i)) {
            JsonNode document = unwatchedSensitiveData(i) ? unwatched : watched;
            return row("contract:c" + i, 0, new ContractVersionProposedEvent("c" + i, "1.0.0", 1, domain,
                    "Orders placed", document, ContentHash.of(document), "http://localhost/doc", null,
                    ChangeLevel.INITIAL, List.of(), new ReviewPlan(false, domain + "-owners", false), "mike", null),
                    at);
        }
        return row("contract:c" + i, 1, new ContractVersionDeprecatedEvent("c" + i, "1.0.0", "dep" + i, domain, 1,
                "moving on", at.plus(Duration.ofDays(shortNotice(i) ? 45 : 200)), null, List.of(), "olivia", null),
                at);
    }

    private static Instant at(int i) {
        return START.plusSeconds(60L * i);
    }

    private static DomainStageChangedEvent changed(String domain, OnboardingStage from, OnboardingStage to) {
        return new DomainStageChangedEvent(domain, UUID.randomUUID().toString(), from, to, null, domain + "-owner",
                "greta", null);
    }

    private Object[] row(String aggregate, long sequence, Object event, Instant at) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        return new Object[] {aggregate, sequence, aggregate.substring(0, aggregate.indexOf(':')),
                UUID.randomUUID().toString(), payload.getData(), payload.getType().getName(), at.toString()};
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                    payloadtype, "timestamp") VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
        rows.clear();
    }

    private DataSource dataSource() {
        String url = shared.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> connection.getMetaData().getURL());
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?")
                + "currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true", "postgres", "postgres");
    }
}
