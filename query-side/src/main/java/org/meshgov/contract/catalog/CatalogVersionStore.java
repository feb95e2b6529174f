package org.meshgov.contract.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Reads and writes {@code catalog_contract_version} rows whole, for the handlers of the
 * {@value ContractCatalogProjection#PROCESSING_GROUP} group.
 *
 * <ul>
 * <li>Outside a unit of work (the as-of view replays handlers directly) a row is read locked
 *     ({@code FOR UPDATE}) and written back at once.</li>
 * <li>Inside one (a processor's batch) the rows the batch touches are kept in the unit of work and
 *     written once each, in one JDBC batch, just before it commits: a version proposed and decided
 *     in the same batch is one insert instead of an insert and two updates.</li>
 * <li>In a {@linkplain #bulk bulk rebuild} the rows go to a new table that nobody reads, on a
 *     connection of their own: a row the rebuild has not written yet is known to be missing without
 *     asking the database; new rows stay in memory until {@value #SETTLED_AFTER_BATCHES} batches have
 *     passed without touching them and then stream into one {@code COPY} that stays open, so that
 *     PostgreSQL stores them while the handlers go on; the other indexes (search) are built once at
 *     the end, two at a time, and the new table then takes the catalog's place in the caller's
 *     transaction.</li>
 * </ul>
 * A row is read {@code FOR UPDATE} so that nothing else changes it between the read and the write.
 */
@Component
public class CatalogVersionStore {

    static final String COLUMNS = "contract_id, version, major, minor, patch, revision, status, domain, name, "
            + "description, property_names, proposed_by, proposed_at, decided_at, published_at, content_hash, "
            + "compared_with, change_level, changes, document, reviews, escalations, status_reason, sunset, "
            + "replacement_version, deprecation_id";
    static final String TABLE = "catalog_contract_version";
    /** Where a bulk rebuild builds the catalog, to take the table's place when it is done. */
    static final String SHADOW = "catalog_contract_version_rebuild";

    /** The statements on one table: the catalog, or the one a bulk rebuild builds. */
    private record Statements(String select, String upsert, String copy) {
        static Statements on(String table) {
            return new Statements("""
                    SELECT contract_id, version, major, minor, patch, revision, status, domain, name, description,
                        property_names, proposed_by, proposed_at, decided_at, published_at, content_hash, compared_with,
                        change_level, changes::text, document::text, reviews::text, escalations::text, status_reason,
                        sunset, replacement_version, deprecation_id
                    FROM %s WHERE contract_id = ? AND version = ? FOR UPDATE""".formatted(table),
                    "INSERT INTO " + table + " (" + COLUMNS + """
                    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::json, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                    ON CONFLICT (contract_id, version) DO UPDATE SET major = excluded.major, minor = excluded.minor,
                        patch = excluded.patch, revision = excluded.revision, status = excluded.status,
                        domain = excluded.domain, name = excluded.name, description = excluded.description,
                        property_names = excluded.property_names, proposed_by = excluded.proposed_by,
                        proposed_at = excluded.proposed_at, decided_at = excluded.decided_at,
                        published_at = excluded.published_at, content_hash = excluded.content_hash,
                        compared_with = excluded.compared_with, change_level = excluded.change_level,
                        changes = excluded.changes, document = excluded.document, reviews = excluded.reviews,
                        escalations = excluded.escalations, status_reason = excluded.status_reason,
                        sunset = excluded.sunset, replacement_version = excluded.replacement_version,
                        deprecation_id = excluded.deprecation_id""",
                    "COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        }
    }

    /**
     * A new row is held back this many batches after it was last touched: versions are mostly
     * proposed, decided and published close together, and a row still held is changed in memory
     * instead of read back from the database and updated.
     */
    static final int SETTLED_AFTER_BATCHES = 2;
    /** Index builds running at once at the end of a bulk rebuild (each is one PostgreSQL process). */
    static final int INDEX_BUILDERS = 2;

    private static final Statements CATALOG = Statements.on(TABLE);
    private static final Statements REBUILT = Statements.on(SHADOW);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String bufferResource = CatalogVersionStore.class.getName() + ".buffer@" + System.identityHashCode(this);
    private final ThreadLocal<BulkSession> bulk = new ThreadLocal<>();

    public CatalogVersionStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The rows a unit of work changed, written just before it commits. */
    private static final class Buffer {
        final Map<CatalogVersionRow.Key, CatalogVersionRow> rows = new LinkedHashMap<>();
        /** Rows known to be missing from the table (bulk rebuild): they go in with COPY. */
        final Set<CatalogVersionRow.Key> created = new HashSet<>();
    }

    /**
     * A bulk rebuild on this thread: its own connection and transaction for the new table, the rows
     * it has written there, the new rows it still holds, and the {@code COPY} that takes them.
     */
    private static final class BulkSession implements AutoCloseable {
        final Connection connection;
        final JdbcTemplate jdbc;
        boolean emptied;
        final Set<CatalogVersionRow.Key> written = new HashSet<>();
        /** New rows not written yet, by when a batch last touched them (oldest first). */
        final LinkedHashMap<CatalogVersionRow.Key, Held> held = new LinkedHashMap<>();
        long batches;
        PGCopyOutputStream copy;

        BulkSession(Connection connection) {
            this.connection = connection;
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        }

        boolean knownMissing(CatalogVersionRow.Key key) {
            return emptied && !written.contains(key);
        }

        void copy(CatalogVersionRow row) throws SQLException, IOException {
            if (copy == null) {
                copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), REBUILT.copy(), 1 << 16);
                copy.write(BINARY_HEADER);
            }
            writeCopyRow(copy, row);
            written.add(row.key());
        }

        /** Ends the running {@code COPY}, so that the connection takes other statements. */
        void endCopy() throws SQLException, IOException {
            if (copy != null) {
                try {
                    copy.write(BINARY_TRAILER);
                    copy.endCopy();
                } finally {
                    copy = null;
                }
            }
        }

        /** Gives the connection back; what it has not committed (a failed rebuild) is rolled back. */
        @Override
        public void close() throws SQLException {
            try {
                if (copy != null && copy.isActive()) {
                    copy.cancelCopy();
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } finally {
                connection.close();
            }
        }
    }

    private record Held(CatalogVersionRow row, long batch) {
    }

    /** The version's row, or null when the catalog has none. */
    public CatalogVersionRow find(String contractId, String version) {
        CatalogVersionRow.Key key = new CatalogVersionRow.Key(contractId, version);
        Buffer buffer = buffer();
        if (buffer != null) {
            CatalogVersionRow row = buffer.rows.get(key);
            if (row != null) {
                return row;
            }
        }
        BulkSession session = bulk.get();
        if (session != null && session.emptied) {
            Held held = session.held.get(key);
            if (held != null) {
                return held.row();
            }
            if (session.knownMissing(key)) {
                return null;
            }
            endCopy(session);
        }
        List<CatalogVersionRow> found = jdbc().query(statements().select(), (rs, i) -> read(rs), contractId, version);
        if (found.isEmpty()) {
            return null;
        }
        CatalogVersionRow row = found.get(0);
        if (buffer != null) {
            buffer.rows.put(key, row);
        }
        return row;
    }

    /** A row for a version the catalog does not hold yet; {@link #save} stores it. */
    public CatalogVersionRow create(String contractId, String version) {
        return new CatalogVersionRow(new CatalogVersionRow.Key(contractId, version));
    }

    /** Stores the row: at once outside a unit of work, else just before the unit of work commits. */
    public void save(CatalogVersionRow row) {
        Buffer buffer = buffer();
        if (buffer == null) {
            jdbc().update(statements().upsert(), statement -> bind(statement, row));
            return;
        }
        if (buffer.rows.putIfAbsent(row.key(), row) == null) {
            BulkSession session = bulk.get();
            if (session != null && session.knownMissing(row.key())) {
                buffer.created.add(row.key());
            }
        }
    }

    /**
     * Empties the catalog. In a bulk rebuild, starts a new, empty table instead (with its primary
     * key, without its other indexes), which takes the catalog's place when the rebuild is done.
     */
    public void deleteAll() {
        Buffer buffer = buffer();
        if (buffer != null) {
            buffer.rows.clear();
            buffer.created.clear();
        }
        BulkSession session = bulk.get();
        if (session == null) {
            jdbc.update("DELETE FROM " + TABLE);
            return;
        }
        endCopy(session);
        session.jdbc.execute("DROP TABLE IF EXISTS " + SHADOW);
        session.jdbc.execute("CREATE TABLE " + SHADOW + " (LIKE " + TABLE
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)");
        session.jdbc.execute("ALTER TABLE " + SHADOW + " ADD CONSTRAINT " + SHADOW
                + "_pkey PRIMARY KEY (contract_id, version)");
        // LIKE copies no storage parameters (the catalog keeps its rows whole, V42): the new table takes the catalog's
        String parameters = session.jdbc.queryForObject(
                "SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = to_regclass(?)", String.class, TABLE);
        if (parameters != null && !parameters.isEmpty()) {
            session.jdbc.execute("ALTER TABLE " + SHADOW + " SET (" + parameters + ")");
        }
        session.emptied = true;
        session.written.clear();
        session.held.clear();
    }

    private Statements statements() {
        BulkSession session = bulk.get();
        return session != null && session.emptied ? REBUILT : CATALOG;
    }

    /** Where the statements go: the bulk rebuild's own connection once it has started its table. */
    private JdbcTemplate jdbc() {
        BulkSession session = bulk.get();
        return session != null && session.emptied ? session.jdbc : jdbc;
    }

    /**
     * Writes every row still held, commits the new table on the rebuild's connection, and builds the
     * catalog's other indexes on it, each once from all its rows, {@value #INDEX_BUILDERS} at a time,
     * each on a connection of its own. Nobody reads the new table meanwhile.
     */
    private List<Map<String, Object>> completeNewTable(BulkSession session, String primaryKey) throws Exception {
        for (Held held : session.held.values()) {
            session.copy(held.row());
        }
        session.held.clear();
        endCopy(session);
        session.jdbc.execute("ANALYZE " + SHADOW);
        session.connection.commit();
        // the widest columns' search indexes first, so that the last build to start is a short one
        List<Map<String, Object>> indexes = jdbc.queryForList("""
                SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
                WHERE x.indrelid = to_regclass(?) AND i.relname <> ?
                ORDER BY am.amname = 'btree', (
                    SELECT coalesce(sum(s.avg_width * (1 - s.null_frac)), 0)
                    FROM pg_attribute a JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = ?
                        AND s.attname = a.attname
                    WHERE a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey::int2[])) DESC, i.relname""",
                TABLE, primaryKey, SHADOW);
        List<String> builds = new ArrayList<>();
        for (Map<String, Object> index : indexes) {
            builds.add(onNewTable((String) index.get("name"), (String) index.get("definition")));
        }
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(builds);
        ExecutorService builders = Executors.newFixedThreadPool(INDEX_BUILDERS, runnable -> {
            Thread thread = new Thread(runnable, "contract-catalog-index-build");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < INDEX_BUILDERS; i++) {
                running.add(builders.submit(() -> {
                    build(queue);
                    return null;
                }));
            }
            for (Future<?> builder : running) {
                try {
                    builder.get();
                } catch (ExecutionException e) {
                    queue.clear();
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            builders.shutdownNow();
        }
        return indexes;
    }

    private void build(ConcurrentLinkedQueue<String> statements) throws SQLException {
        DataSource dataSource = jdbc.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String next = statements.poll(); next != null; next = statements.poll()) {
                    statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                    statement.execute(next);
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The catalog's index definition, on the new table and named {@code <name>_rebuild}. */
    private static String onNewTable(String name, String definition) {
        // CREATE [UNIQUE] INDEX name ON [schema.]catalog_contract_version USING ...
        String head = " INDEX " + name + " ON ";
        int at = definition.indexOf(head);
        int table = at < 0 ? -1 : definition.indexOf(TABLE + " USING ", at + head.length());
        if (table < 0) {
            throw new IllegalStateException("unexpected index definition: " + definition);
        }
        return definition.substring(0, at) + " INDEX " + name + "_rebuild ON "
                + definition.substring(at + head.length(), table) + SHADOW + definition.substring(table + TABLE.length());
    }

    /**
     * The new table takes the catalog's place, with the catalog's name, primary key and index names,
     * in the caller's transaction: until it commits, readers go on reading the previous catalog; they
     * wait only for the swap.
     */
    private void replaceCatalog(String primaryKey, List<Map<String, Object>> indexes) {
        jdbc.execute("DROP TABLE " + TABLE);
        jdbc.execute("ALTER TABLE " + SHADOW + " RENAME TO " + TABLE);
        jdbc.execute("ALTER TABLE " + TABLE + " RENAME CONSTRAINT " + SHADOW + "_pkey TO " + primaryKey);
        for (Map<String, Object> index : indexes) {
            jdbc.execute("ALTER INDEX " + index.get("name") + "_rebuild RENAME TO " + index.get("name"));
        }
    }

    /**
     * Runs a bulk rebuild on this thread. Once {@link #deleteAll} has started a new table (on a
     * connection of the rebuild's own), rows not written there since are known to be missing and are
     * copied in; when {@code work} is done, the new table is committed and indexed, and replaces the
     * catalog in the caller's transaction. A rebuild that fails leaves the catalog as it was; a new
     * table it committed is dropped by the next one.
     */
    public <T> T bulk(Callable<T> work) throws Exception {
        if (bulk.get() != null) {
            throw new IllegalStateException("a bulk rebuild is already running on this thread");
        }
        BulkSession session = new BulkSession(jdbc.getDataSource().getConnection());
        bulk.set(session);
        try {
            session.connection.setAutoCommit(false);
            T result = work.call();
            if (session.emptied) {
                String primaryKey = jdbc.queryForObject(
                        "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'p'",
                        String.class, TABLE);
                replaceCatalog(primaryKey, completeNewTable(session, primaryKey));
            }
            return result;
        } finally {
            bulk.remove();
            session.close();
        }
    }

    private Buffer buffer() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(bufferResource, name -> {
            Buffer buffer = new Buffer();
            root.onPrepareCommit(unitOfWork -> flush(buffer));
            return buffer;
        });
    }

    private void flush(Buffer buffer) {
        BulkSession session = bulk.get();
        List<CatalogVersionRow> changed = new ArrayList<>();
        for (CatalogVersionRow row : buffer.rows.values()) {
            if (buffer.created.contains(row.key())) {
                // moved to the end: the held rows stay in the order a batch last touched them
                session.held.remove(row.key());
                session.held.put(row.key(), new Held(row, session.batches));
            } else {
                changed.add(row);
            }
        }
        buffer.rows.clear();
        buffer.created.clear();
        if (!changed.isEmpty()) {
            if (session != null) {
                endCopy(session);
            }
            jdbc().batchUpdate(statements().upsert(), new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int i) throws SQLException {
                    bind(statement, changed.get(i));
                }

                @Override
                public int getBatchSize() {
                    return changed.size();
                }
            });
        }
        if (session != null && session.emptied) {
            session.batches++;
            writeSettled(session);
        }
    }

    /** Streams the held rows no batch has touched for a while into the new table. */
    private static void writeSettled(BulkSession session) {
        try {
            Iterator<Held> oldestFirst = session.held.values().iterator();
            while (oldestFirst.hasNext()) {
                Held held = oldestFirst.next();
                if (session.batches - held.batch() <= SETTLED_AFTER_BATCHES) {
                    return;
                }
                session.copy(held.row());
                oldestFirst.remove();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot copy catalog rows", e);
        }
    }

    private static void endCopy(BulkSession session) {
        try {
            session.endCopy();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot copy catalog rows", e);
        }
    }

    private void bind(PreparedStatement statement, CatalogVersionRow row) throws SQLException {
        statement.setString(1, row.key.contractId());
        statement.setString(2, row.key.version());
        statement.setLong(3, row.major);
        statement.setLong(4, row.minor);
        statement.setLong(5, row.patch);
        statement.setInt(6, row.revision);
        statement.setString(7, row.status);
        statement.setString(8, row.domain);
        statement.setString(9, row.name);
        statement.setString(10, row.description);
        statement.setString(11, row.propertyNames);
        statement.setString(12, row.proposedBy);
        setInstant(statement, 13, row.proposedAt);
        setInstant(statement, 14, row.decidedAt);
        setInstant(statement, 15, row.publishedAt);
        statement.setString(16, row.contentHash);
        statement.setString(17, row.comparedWith);
        statement.setString(18, row.changeLevel);
        statement.setString(19, row.changes);
        statement.setString(20, row.document);
        statement.setString(21, CatalogVersionRow.jsonArray(row.reviews));
        statement.setString(22, CatalogVersionRow.jsonArray(row.escalations));
        statement.setString(23, row.statusReason);
        setInstant(statement, 24, row.sunset);
        statement.setString(25, row.replacementVersion);
        statement.setString(26, row.deprecationId);
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    private CatalogVersionRow read(ResultSet rs) throws SQLException {
        CatalogVersionRow row = new CatalogVersionRow(new CatalogVersionRow.Key(rs.getString(1), rs.getString(2)));
        row.major = rs.getLong(3);
        row.minor = rs.getLong(4);
        row.patch = rs.getLong(5);
        row.revision = rs.getInt(6);
        row.status = rs.getString(7);
        row.domain = rs.getString(8);
        row.name = rs.getString(9);
        row.description = rs.getString(10);
        row.propertyNames = rs.getString(11);
        row.proposedBy = rs.getString(12);
        row.proposedAt = instant(rs.getTimestamp(13));
        row.decidedAt = instant(rs.getTimestamp(14));
        row.publishedAt = instant(rs.getTimestamp(15));
        row.contentHash = rs.getString(16);
        row.comparedWith = rs.getString(17);
        row.changeLevel = rs.getString(18);
        row.changes = rs.getString(19);
        row.document = rs.getString(20);
        elements(rs.getString(21), row.reviews);
        elements(rs.getString(22), row.escalations);
        row.statusReason = rs.getString(23);
        row.sunset = instant(rs.getTimestamp(24));
        row.replacementVersion = rs.getString(25);
        row.deprecationId = rs.getString(26);
        return row;
    }

    private void elements(String array, List<String> into) {
        try {
            for (JsonNode element : json.readTree(array)) {
                into.add(json.writeValueAsString(element));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog row holds invalid JSON", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] BINARY_TRAILER = {(byte) 0xff, (byte) 0xff};
    private static final int FIELDS = 26;
    private static final long POSTGRES_EPOCH_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final byte JSONB_VERSION = 1;

    /**
     * COPY's binary format: the header once, then per row the number of fields and each field as its
     * length and bytes (no escaping on either side), and a trailer. Each value is in the binary form of
     * its column's type (V2, V5, V8): text as UTF-8, integers big-endian, times as microseconds since
     * 2000, {@code json} as its text, {@code jsonb} as version 1 and its text.
     */
    private static void writeCopyRow(OutputStream out, CatalogVersionRow row) throws IOException {
        byte[] scratch = new byte[8];
        out.write(FIELDS >>> 8);
        out.write(FIELDS);
        text(out, scratch, row.key.contractId());
        text(out, scratch, row.key.version());
        int4(out, scratch, Math.toIntExact(row.major));
        int4(out, scratch, Math.toIntExact(row.minor));
        int4(out, scratch, Math.toIntExact(row.patch));
        int4(out, scratch, row.revision);
        text(out, scratch, row.status);
        text(out, scratch, row.domain);
        text(out, scratch, row.name);
        text(out, scratch, row.description);
        text(out, scratch, row.propertyNames);
        text(out, scratch, row.proposedBy);
        timestamptz(out, scratch, row.proposedAt);
        timestamptz(out, scratch, row.decidedAt);
        timestamptz(out, scratch, row.publishedAt);
        text(out, scratch, row.contentHash);
        text(out, scratch, row.comparedWith);
        text(out, scratch, row.changeLevel);
        jsonb(out, scratch, row.changes);
        text(out, scratch, row.document);
        jsonb(out, scratch, CatalogVersionRow.jsonArray(row.reviews));
        jsonb(out, scratch, CatalogVersionRow.jsonArray(row.escalations));
        text(out, scratch, row.statusReason);
        timestamptz(out, scratch, row.sunset);
        text(out, scratch, row.replacementVersion);
        text(out, scratch, row.deprecationId);
    }

    private static void length(OutputStream out, byte[] scratch, int length) throws IOException {
        scratch[0] = (byte) (length >>> 24);
        scratch[1] = (byte) (length >>> 16);
        scratch[2] = (byte) (length >>> 8);
        scratch[3] = (byte) length;
        out.write(scratch, 0, 4);
    }

    private static void text(OutputStream out, byte[] scratch, String value) throws IOException {
        if (value == null) {
            length(out, scratch, -1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        length(out, scratch, utf8.length);
        out.write(utf8);
    }

    private static void jsonb(OutputStream out, byte[] scratch, String value) throws IOException {
        if (value == null) {
            length(out, scratch, -1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        length(out, scratch, utf8.length + 1);
        out.write(JSONB_VERSION);
        out.write(utf8);
    }

    private static void int4(OutputStream out, byte[] scratch, int value) throws IOException {
        length(out, scratch, 4);
        length(out, scratch, value);
    }

    /** Microseconds since 2000-01-01 UTC, rounded to the nearest as PostgreSQL rounds a time it reads as text. */
    private static void timestamptz(OutputStream out, byte[] scratch, Instant value) throws IOException {
        if (value == null) {
            length(out, scratch, -1);
            return;
        }
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
                (value.getNano() + 500) / 1_000);
        length(out, scratch, 8);
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (micros >>> (56 - 8 * i));
        }
        out.write(scratch, 0, 8);
    }
}
