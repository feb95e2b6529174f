package org.meshgov.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event log in chain order. Chain positions are handed out under a lock held until commit, so
 * a position is never committed after a higher one: paging by position misses nothing, also while
 * events are appended.
 */
@Component
public class AuditEvents {

    public record Filter(String aggregateType, String aggregateId, String type, String actor, String domain,
                         Instant from, Instant to, long after, int limit, List<String> visibleDomains) {
    }

    public record AuditEvent(long position, long globalIndex, String type, String aggregateType, String aggregateId,
                             long sequence, Instant timestamp, String actor, JsonNode payload, String hash) {
    }

    /** Events whose aggregate belongs to a domain: named by the events that carry a domain. */
    private static final String AGGREGATES_OF_DOMAINS = """
            e.aggregateidentifier IN (SELECT d.aggregateidentifier FROM domainevententry d
                WHERE convert_from(d.payload, 'UTF8')::jsonb ->> 'domain' = ANY(?)
                   OR convert_from(d.payload, 'UTF8')::jsonb ->> 'domainId' = ANY(?)
                   OR convert_from(d.payload, 'UTF8')::jsonb ->> 'owningDomain' = ANY(?)
                   OR convert_from(d.payload, 'UTF8')::jsonb ->> 'consumerDomain' = ANY(?))""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditEvents(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<AuditEvent> find(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.position, c.hash, e.globalindex, e.payloadtype, e.aggregateidentifier, e.sequencenumber,
                       e."timestamp", convert_from(e.metadata, 'UTF8')::jsonb ->> 'actor' AS actor,
                       convert_from(e.payload, 'UTF8') AS payload
                FROM event_chain c JOIN domainevententry e ON e.globalindex = c.global_index
                WHERE c.position > ?""");
        List<Object> args = new ArrayList<>(List.of(filter.after()));
        if (filter.aggregateType() != null) {
            sql.append(" AND e.aggregateidentifier LIKE ?");
            args.add(filter.aggregateType() + ":%");
        }
        if (filter.aggregateId() != null) {
            sql.append(" AND split_part(e.aggregateidentifier, ':', 2) = ?");
            args.add(filter.aggregateId());
        }
        if (filter.type() != null) {
            sql.append(" AND (e.payloadtype = ? OR e.payloadtype LIKE ?)");
            args.add(filter.type());
            args.add("%." + filter.type());
        }
        if (filter.actor() != null) {
            sql.append(" AND convert_from(e.metadata, 'UTF8')::jsonb ->> 'actor' = ?");
            args.add(filter.actor());
        }
        if (filter.from() != null) {
            sql.append(" AND e.\"timestamp\"::timestamptz >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.\"timestamp\"::timestamptz < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.domain() != null) {
            domainClause(sql, args, new String[] {filter.domain()});
        }
        if (filter.visibleDomains() != null) {
            domainClause(sql, args, filter.visibleDomains().toArray(String[]::new));
        }
        sql.append(" ORDER BY c.position LIMIT ?");
        args.add(filter.limit());
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    private static void domainClause(StringBuilder sql, List<Object> args, String[] domains) {
        sql.append(" AND ").append(AGGREGATES_OF_DOMAINS);
        for (int i = 0; i < 4; i++) {
            args.add(domains);
        }
    }

    private AuditEvent map(ResultSet row, int index) throws SQLException {
        String aggregate = row.getString("aggregateidentifier");
        int colon = aggregate.indexOf(':');
        String payloadType = row.getString("payloadtype");
        try {
            return new AuditEvent(row.getLong("position"), row.getLong("globalindex"),
                    payloadType.substring(payloadType.lastIndexOf('.') + 1),
                    colon < 0 ? null : aggregate.substring(0, colon),
                    colon < 0 ? aggregate : aggregate.substring(colon + 1), row.getLong("sequencenumber"),
                    Instant.parse(row.getString("timestamp")), row.getString("actor"),
                    json.readTree(row.getString("payload")), HexFormat.of().formatHex(row.getBytes("hash")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload is not JSON", e);
        }
    }
}
