package org.meshgov.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's bulk rebuild (ADR 15) on the real database: rows held back, rows streamed into the
 * new table and changed again later, and a rebuild that fails. Each test runs the rebuild in a
 * transaction it rolls back, so the suite's catalog stays as it was.
 */
@MeshgovSpringTest
class CatalogVersionStoreBulkTest {

    @Autowired
    CatalogVersionStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    final String contractId = "bulk-store-" + UUID.randomUUID();

    @AfterEach
    void dropTheNewTableARolledBackSwapLeftBehind() {
        jdbc.execute("DROP TABLE IF EXISTS " + CatalogVersionStore.SHADOW);
    }

    @Test
    void aVersionChangedLongAfterItsRowWasCopiedIsReadBackAndUpdated() {
        List<Map<String, Object>> rebuilt = new TransactionTemplate(transactions).execute(status -> {
            try {
                store.bulk(() -> {
                    store.deleteAll();
                    batch(() -> store.save(proposed("1.0.0")));
                    // enough batches for 1.0.0 to settle and be copied into the new table
                    for (int i = 1; i <= CatalogVersionStore.SETTLED_AFTER_BATCHES + 2; i++) {
                        String version = "1." + i + ".0";
                        batch(() -> store.save(proposed(version)));
                    }
                    batch(() -> {
                        CatalogVersionRow row = store.find(contractId, "1.0.0");
                        assertThat(row).as("read back from the new table").isNotNull();
                        row.status = "PUBLISHED";
                        store.save(row);
                    });
                    batch(() -> {
                        CatalogVersionRow row = store.find(contractId, "1.0.0");
                        row.statusReason = "read back again";
                        store.save(row);
                    });
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT version, status, status_reason FROM catalog_contract_version ORDER BY version");
            status.setRollbackOnly();
            return rows;
        });

        assertThat(rebuilt).hasSize(CatalogVersionStore.SETTLED_AFTER_BATCHES + 3);
        assertThat(rebuilt.get(0)).containsEntry("version", "1.0.0").containsEntry("status", "PUBLISHED")
                .containsEntry("status_reason", "read back again");
        assertThat(rebuilt.subList(1, rebuilt.size())).allSatisfy(row -> assertThat(row).containsEntry("status", "IN_REVIEW"));
    }

    @Test
    void aRowStillHeldIsChangedInMemoryAndWrittenOnce() {
        List<Map<String, Object>> rebuilt = new TransactionTemplate(transactions).execute(status -> {
            try {
                store.bulk(() -> {
                    store.deleteAll();
                    batch(() -> store.save(proposed("2.0.0")));
                    batch(() -> {
                        CatalogVersionRow row = store.find(contractId, "2.0.0");
                        row.status = "PUBLISHED";
                        store.save(row);
                    });
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT version, status FROM catalog_contract_version ORDER BY version");
            status.setRollbackOnly();
            return rows;
        });

        assertThat(rebuilt).containsExactly(Map.of("version", "2.0.0", "status", "PUBLISHED"));
    }

    @Test
    void valuesWithCopysSeparatorsBackslashesAndOtherScriptsArriveInTheNewTableAsTheyWere() {
        String description = "tab\there, new\nline, carriage\rreturn, back\\slash, \\N, é ü 日本 😀";
        String document = "{\"description\":\"quoted \\\"text\\\" with a \\\\ and a \\n, ünïcödé\"}";
        Map<String, Object> rebuilt = rebuiltThenRolledBack(() -> {
            CatalogVersionRow row = proposed("4.0.0");
            row.description = description;
            row.name = "\\";
            row.document = document;
            row.comparedWith = null;
            store.save(row);
        }, """
                SELECT description, name, document::text AS document, compared_with, status_reason
                FROM catalog_contract_version WHERE contract_id = ?""", contractId);

        assertThat(rebuilt).containsEntry("description", description).containsEntry("name", "\\")
                .containsEntry("document", document).containsEntry("compared_with", null)
                .containsEntry("status_reason", null);
    }

    @Test
    void theRebuiltCatalogKeepsItsRowsWholeWithTheirDocumentsUncompressed() {
        String document = "{\"description\":\"" + "orders placed in the shop, one row per order line; ".repeat(60)
                + "\"}";
        Map<String, Object> rebuilt = rebuiltThenRolledBack(() -> {
            CatalogVersionRow row = proposed("5.0.0");
            row.document = document;
            store.save(row);
        }, """
                SELECT pg_column_compression(document) AS compression, octet_length(document::text) AS length,
                    (SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = to_regclass(?)) AS options
                FROM catalog_contract_version WHERE contract_id = ?""", CatalogVersionStore.TABLE, contractId);

        assertThat(rebuilt).containsEntry("options", "toast_tuple_target=8160").containsEntry("compression", null)
                .containsEntry("length", document.length());
    }

    @Test
    void aRebuildThatFailsLeavesTheCatalogAsItWas() {
        List<Map<String, Object>> before = jdbc.queryForList(
                "SELECT contract_id, version, status FROM catalog_contract_version ORDER BY contract_id, version");

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                store.bulk(() -> {
                    store.deleteAll();
                    for (int i = 0; i < CatalogVersionStore.SETTLED_AFTER_BATCHES + 3; i++) {
                        String version = "3." + i + ".0";
                        batch(() -> store.save(proposed(version)));
                    }
                    throw new IllegalStateException("the log could not be read");
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).hasMessage("the log could not be read");

        assertThat(jdbc.queryForList(
                "SELECT contract_id, version, status FROM catalog_contract_version ORDER BY contract_id, version"))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NULL", Boolean.class, CatalogVersionStore.SHADOW))
                .as("the new table's writes were rolled back").isTrue();
    }

    /** A bulk rebuild of one batch of these handlers, the rebuilt catalog read with the query, and all of it rolled back. */
    private Map<String, Object> rebuiltThenRolledBack(Runnable handlers, String query, Object... arguments) {
        return new TransactionTemplate(transactions).execute(status -> {
            try {
                store.bulk(() -> {
                    store.deleteAll();
                    batch(handlers);
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Map<String, Object> row = jdbc.queryForMap(query, arguments);
            status.setRollbackOnly();
            return row;
        });
    }

    private CatalogVersionRow proposed(String version) {
        CatalogVersionRow row = store.create(contractId, version);
        String[] parts = version.split("\\.");
        row.major = Long.parseLong(parts[0]);
        row.minor = Long.parseLong(parts[1]);
        row.patch = Long.parseLong(parts[2]);
        row.revision = 1;
        row.status = "IN_REVIEW";
        row.domain = "orders";
        row.name = "Orders";
        row.propertyNames = "order_id";
        row.proposedBy = "mike";
        row.proposedAt = Instant.parse("2026-11-01T10:00:00Z");
        row.contentHash = "0".repeat(64);
        row.changeLevel = "MAJOR";
        row.changes = "[]";
        row.document = "{\"id\":\"" + contractId + "\"}";
        return row;
    }

    /** One processor batch: the store writes what it touched when the unit of work commits. */
    private static void batch(Runnable handlers) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        try {
            handlers.run();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }
}
