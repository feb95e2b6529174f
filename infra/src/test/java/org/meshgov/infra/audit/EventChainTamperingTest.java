package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshgov.infra.audit.Verification.Broken;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What someone with write access to the database might do to the log, and where verification then
 * points. Each change is rolled back, and verified inside its own transaction, so no other test sees it.
 */
@MeshgovSpringTest
class EventChainTamperingTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventChainRepository chain;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    record Link(long globalIndex, long position, String hash) {
    }

    @Test
    void anAlteredPayloadIsFoundAtItsEvent() {
        Link proposal = proposal();

        Verification verification = verifiedAfter("""
                UPDATE domainevententry SET payload = convert_to('{"status":"APPROVED"}', 'UTF8')
                WHERE globalindex = ?""", proposal.globalIndex());

        assertThat(verification.verified()).isEqualTo(proposal.position() - 1);
        Broken broken = verification.firstBroken();
        assertThat(broken.position()).isEqualTo(proposal.position());
        assertThat(broken.expected()).isEqualTo(proposal.hash());
        assertThat(broken.found()).hasSize(64).isNotEqualTo(proposal.hash());
        assertThat(chain.verify(proposal.position(), proposal.position()).firstBroken()).isNull();
    }

    @Test
    void alteredMetadataIsFoundAtItsEvent() {
        Link proposal = proposal();

        Verification verification = verifiedAfter("""
                UPDATE domainevententry SET metadata = convert_to('{"actor":"olivia"}', 'UTF8')
                WHERE globalindex = ?""", proposal.globalIndex());

        assertThat(verification.firstBroken().position()).isEqualTo(proposal.position());
    }

    @Test
    void aDeletedEventIsFoundAtItsPosition() {
        Link proposal = proposal();

        Verification verification = verifiedAfter("DELETE FROM domainevententry WHERE globalindex = ?",
                proposal.globalIndex());

        assertThat(verification.firstBroken()).isEqualTo(new Broken(proposal.position(), proposal.hash(), null));
    }

    @Test
    void swappedPayloadsAreFoundAtTheFirstOfThePair() {
        Link first = proposal();
        Link second = proposal();

        Verification verification = verifiedAfter("""
                UPDATE domainevententry e SET payload = other.payload FROM domainevententry other
                WHERE (e.globalindex, other.globalindex) IN ((?, ?), (?, ?))""",
                first.globalIndex(), second.globalIndex(), second.globalIndex(), first.globalIndex());

        assertThat(verification.firstBroken().position()).isEqualTo(first.position());
    }

    @Test
    void aRemovedLinkIsFoundAtItsPosition() {
        Link proposal = proposal();

        Verification verification = verifiedAfter("DELETE FROM event_chain WHERE position = ?", proposal.position());

        assertThat(verification.firstBroken()).isEqualTo(new Broken(proposal.position(), null, null));
    }

    /** A fresh event of this test's own, appended and committed through the API. */
    private Link proposal() {
        String contractId = "tampered-" + UUID.randomUUID();
        assertThat(new Api(port).post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", contractId)).status()).isEqualTo(202);
        return jdbc.queryForObject("""
                SELECT e.globalindex, c.position, encode(c.hash, 'hex') AS hash
                FROM domainevententry e JOIN event_chain c ON c.global_index = e.globalindex
                WHERE e.aggregateidentifier = ?""",
                (row, index) -> new Link(row.getLong("globalindex"), row.getLong("position"), row.getString("hash")),
                "contract:" + contractId);
    }

    /** The whole chain verified while the change is in place, which only its own transaction can see. */
    private Verification verifiedAfter(String tampering, Object... arguments) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            assertThat(jdbc.update(tampering, arguments)).isPositive();
            return chain.verify(1, chain.head().position());
        });
    }
}
