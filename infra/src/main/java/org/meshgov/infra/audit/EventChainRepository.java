package org.meshgov.infra.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The chain the database keeps beside the event log (migration V6), with each link's event as it is
 * stored now. Plain JdbcTemplate on the shared DataSource joins the caller's transaction, if any.
 */
@Repository
public class EventChainRepository {

    // a page, not the whole log, is in memory at once; a short one, as a proposal carries its document (up to 1 MiB)
    private static final int PAGE_SIZE = 200;

    private static final String PAGE = """
            SELECT c.position, c.global_index, c.previous_hash, c.hash, e.globalindex IS NOT NULL AS present,
                   e.type, e.aggregateidentifier, e.sequencenumber, e.eventidentifier, e."timestamp",
                   e.payloadtype, e.payloadrevision, e.metadata, e.payload
            FROM event_chain c LEFT JOIN domainevententry e ON e.globalindex = c.global_index
            WHERE c.position BETWEEN ? AND ?
            ORDER BY c.position
            LIMIT ?""";

    private final JdbcTemplate jdbc;

    public EventChainRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ChainHead head() {
        return jdbc.queryForObject("SELECT position, hash FROM event_chain_head",
                (row, index) -> new ChainHead(row.getLong("position"), EventChainVerifier.hex(row.getBytes("hash"))));
    }

    /** Verifies positions {@code from} to {@code to}, reading the chain a page at a time. */
    public Verification verify(long from, long to) {
        return EventChainVerifier.verify(from, to, entries(from, to));
    }

    /** The links from {@code from} to {@code to} in position order, each page read once the one before is used up. */
    public Stream<ChainEntry> entries(long from, long to) {
        return Stream.iterate(page(from, to), page -> !page.isEmpty(), page -> page.size() < PAGE_SIZE ? List.of()
                        : page(page.get(page.size() - 1).position() + 1, to))
                .flatMap(List::stream);
    }

    private List<ChainEntry> page(long from, long to) {
        return jdbc.query(PAGE, EventChainRepository::entry, from, to, PAGE_SIZE);
    }

    private static ChainEntry entry(ResultSet row, int index) throws SQLException {
        StoredEvent event = !row.getBoolean("present") ? null : new StoredEvent(row.getString("type"),
                row.getString("aggregateidentifier"), row.getLong("sequencenumber"), row.getString("eventidentifier"),
                row.getString("timestamp"), row.getString("payloadtype"), row.getString("payloadrevision"),
                row.getBytes("metadata"), row.getBytes("payload"));
        return new ChainEntry(row.getLong("position"), row.getLong("global_index"), row.getBytes("previous_hash"),
                row.getBytes("hash"), event);
    }
}
