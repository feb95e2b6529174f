package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.ProposeContractVersionCommand;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.identity.Actor;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every append takes the next chain position in its own transaction, however many nodes write at once. */
@MeshgovSpringTest
class EventChainAppendTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventChainRepository chain;
    @Autowired
    CommandGateway commands;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    @Test
    void anAppendedEventTakesTheNextPosition() {
        String contractId = "chained-" + UUID.randomUUID();
        long before = chain.head().position();

        new Api(port).post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", contractId));

        Long position = jdbc.queryForObject("""
                SELECT c.position FROM event_chain c JOIN domainevententry e ON e.globalindex = c.global_index
                WHERE e.aggregateidentifier = ?""", Long.class, "contract:" + contractId);
        assertThat(position).isGreaterThan(before);
    }

    @Test
    void everyEventInTheLogHasAPosition() {
        Long unchained = jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry e
                WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.globalindex)""", Long.class);

        assertThat(unchained).isZero();
    }

    @Test
    void concurrentWritersLeaveAChainWithoutGapsThatVerifies() throws Exception {
        long before = chain.head().position();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> twoWriters = IntStream.range(0, 2).<Callable<Void>>mapToObj(w -> () -> {
                for (int i = 0; i < 20; i++) {
                    propose("concurrent-" + UUID.randomUUID());
                }
                return null;
            }).toList();
            for (Future<Void> writer : writers.invokeAll(twoWriters)) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }

        ChainHead head = chain.head();
        assertThat(head.position() - before).isGreaterThanOrEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain WHERE position > ? AND position <= ?",
                Long.class, before, head.position())).isEqualTo(head.position() - before);
        assertThat(chain.verify(before + 1, head.position()))
                .isEqualTo(new Verification(head.position() - before, null));
    }

    @Test
    void aTransactionTakesItsPositionWhenItCommitsNotWhenItAppends() {
        String early = "appended-first-" + UUID.randomUUID();
        String late = "appended-second-" + UUID.randomUUID();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(open -> {
                propose(early);
                // still open: the other writer must neither wait for it nor take a position after it
                Future<?> second = other.submit(() -> propose(late));
                try {
                    second.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("an append waited for a transaction that had not committed", e);
                }
            });
        } finally {
            other.shutdownNow();
        }

        assertThat(positionOf(late)).isLessThan(positionOf(early));
        assertThat(chain.verify(positionOf(late), chain.head().position()).firstBroken()).isNull();
    }

    private long positionOf(String contractId) {
        return jdbc.queryForObject("""
                SELECT c.position FROM event_chain c JOIN domainevententry e ON e.globalindex = c.global_index
                WHERE e.aggregateidentifier = ?""", Long.class, "contract:" + contractId);
    }

    private void propose(String contractId) {
        commands.sendAndWait(new ProposeContractVersionCommand(contractId, new ContractDocumentParser().parse(
                Examples.ordersContract("orders-v1.0.0.yaml", contractId).getBytes(StandardCharsets.UTF_8),
                DocumentFormat.YAML), "http://localhost/doc", Actor.of("mike", "orders-members")));
    }
}
