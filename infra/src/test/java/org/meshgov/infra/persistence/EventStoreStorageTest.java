package org.meshgov.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** How events are stored: bytea not large objects, an order that cannot be reordered, who and when. */
@MeshgovSpringTest
class EventStoreStorageTest {

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void noTableStoresLargeObjects() {
        List<String> oidColumns = jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type = 'oid'""", String.class);
        assertThat(oidColumns).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void payloadsAndMetadataAreBytea() {
        List<String> types = jdbc.queryForList("""
                SELECT data_type FROM information_schema.columns WHERE table_name = 'domainevententry'
                AND column_name IN ('payload', 'metadata')""", String.class);
        assertThat(types).containsOnly("bytea").hasSize(2);
    }

    @Test
    void theGlobalOrderIsTakenOneNumberAtATime() {
        Map<String, Object> sequence = jdbc.queryForMap("""
                SELECT cache_size, increment_by FROM pg_sequences WHERE sequencename = 'domainevententry_globalindex_seq'""");
        assertThat(sequence).containsEntry("cache_size", 1L).containsEntry("increment_by", 1L);
    }

    @Test
    void everyEventRecordsWhoCausedItAndWhen() {
        String contractId = "stored-" + UUID.randomUUID();
        new Api(port).post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", contractId));

        Map<String, Object> metadata = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("""
                SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'actor' AS actor,
                       convert_from(metadata, 'UTF8')::jsonb ->> 'actedAt' AS acted_at
                FROM domainevententry WHERE aggregateidentifier = ?""", "contract:" + contractId),
                rows -> rows.size() == 1).get(0);
        assertThat(metadata.get("actor")).isEqualTo("mike");
        assertThat(metadata.get("acted_at")).asString().matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void everyTableWeOwnIsCreatedByFlyway() {
        List<String> migrations = jdbc.queryForList(
                "SELECT description FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
        assertThat(migrations).contains("axon event store", "governance read models");
    }
}
