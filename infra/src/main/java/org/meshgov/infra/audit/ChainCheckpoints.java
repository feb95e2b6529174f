package org.meshgov.infra.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Signs the chain head now and then (migration V7, ADR 10), on every node; see {@link #take()}. */
@Component
public class ChainCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);

    /** Serialises checkpointing across nodes; an arbitrary constant no other advisory lock uses. */
    private static final long CHECKPOINT_LOCK = 0x6d657368_63687074L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CheckpointSigner signer;
    private final Clock clock;

    public ChainCheckpoints(JdbcTemplate jdbc, TransactionTemplate transaction, CheckpointSigner signer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.signer = signer;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${meshgov.audit.checkpoint-interval:PT1H}")
    public void onSchedule() {
        take().ifPresent(taken -> log.info("signed checkpoint at chain position {}", taken.position()));
    }

    /**
     * Signs the current head, unless the last checkpoint already holds it (or the chain is empty). The
     * advisory lock makes a node that checkpoints at the same moment as another wait and then find the
     * head already signed. The head is read without locking it: a committed head's links are all
     * committed, and appenders need not wait while we sign.
     */
    public Optional<Checkpoint> take() {
        return transaction.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, CHECKPOINT_LOCK);
            ChainHead head = jdbc.queryForObject("SELECT position, hash FROM event_chain_head", (row, i) ->
                    new ChainHead(row.getLong("position"), EventChainVerifier.hex(row.getBytes("hash"))));
            Long signed = jdbc.queryForObject("SELECT max(position) FROM event_chain_checkpoint", Long.class);
            if (head.position() == 0 || (signed != null && signed >= head.position())) {
                return Optional.<Checkpoint>empty();
            }
            byte[] hash = HexFormat.of().parseHex(head.hash());
            Instant signedAt = Checkpoint.signable(clock.instant());
            Checkpoint checkpoint = new Checkpoint(head.position(), hash, signedAt,
                    signer.sign(Checkpoint.signedBytes(head.position(), hash, signedAt)),
                    signer.publicKey().getEncoded());
            jdbc.update("INSERT INTO event_chain_checkpoint (position, hash, signed_at, signature, public_key) "
                            + "VALUES (?, ?, ?, ?, ?)", checkpoint.position(), checkpoint.hash(),
                    Timestamp.from(signedAt), checkpoint.signature(), checkpoint.publicKey());
            return Optional.of(checkpoint);
        });
    }

    /** The newest first. */
    public List<Checkpoint> latest(int limit) {
        return jdbc.query("SELECT position, hash, signed_at, signature, public_key FROM event_chain_checkpoint "
                + "ORDER BY position DESC, id DESC LIMIT ?", ChainCheckpoints::checkpoint, limit);
    }

    /** The first checkpoint that covers {@code position}: the one an auditor verifies it against. */
    public Optional<Checkpoint> covering(long position) {
        return jdbc.query("SELECT position, hash, signed_at, signature, public_key FROM event_chain_checkpoint "
                + "WHERE position >= ? ORDER BY position, id LIMIT 1", ChainCheckpoints::checkpoint, position)
                .stream().findFirst();
    }

    private static Checkpoint checkpoint(ResultSet row, int index) throws SQLException {
        return new Checkpoint(row.getLong("position"), row.getBytes("hash"),
                row.getTimestamp("signed_at").toInstant(), row.getBytes("signature"), row.getBytes("public_key"));
    }
}
