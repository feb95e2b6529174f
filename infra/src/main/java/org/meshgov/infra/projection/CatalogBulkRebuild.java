package org.meshgov.infra.projection;

import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.meshgov.contract.catalog.CatalogVersionStore;
import org.postgresql.PGStatement;
import org.meshgov.contract.catalog.ContractCatalogProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the {@value ContractCatalogProjection#PROCESSING_GROUP} processing group (the catalog and
 * the deprecations) from the event log without going event by event through its tracking processor
 * (ADR 15). The processor is stopped; in ONE transaction this node claims and locks the group's
 * tokens, the group's own reset handlers empty its tables, the events the group handles are read in
 * one snapshot with plain JDBC, deserialised with the engine's event serializer and handed, in
 * batches of {@value #BATCH} in a unit of work, to the group's own handlers through the processor's
 * own handler invoker (no second copy of the projection logic), which write each catalog row once
 * ({@link CatalogVersionStore}, {@code COPY}); the tokens are then set to exactly what that snapshot
 * held. Commit, start the processor: it goes on from there with the events stored since. Until the
 * commit every reader sees the previous catalog; a failure rolls it all back and the processor goes
 * on from where it was.
 */
@Component
public class CatalogBulkRebuild {

    static final int BATCH = 500;
    private static final int FETCH_SIZE = 2_000;
    /** Axon's default: the JDBC event store tracks gaps this far below the highest index seen. */
    static final int MAX_GAP_OFFSET = 10_000;
    private static final Logger log = LoggerFactory.getLogger(CatalogBulkRebuild.class);

    private final DataSource dataSource;
    private final Serializer serializer;
    private final TokenStore tokens;
    private final CatalogVersionStore catalog;
    private final TransactionTemplate transaction;
    private final ObjectProvider<EventUpcaster> upcasters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong position = new AtomicLong();

    public CatalogBulkRebuild(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer,
                              TokenStore tokens, CatalogVersionStore catalog, PlatformTransactionManager transactions,
                              ObjectProvider<EventUpcaster> upcasters) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.tokens = tokens;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactions);
        this.upcasters = upcasters;
    }

    /**
     * Whether this processor is rebuilt in bulk: the catalog's, as long as nothing would make the
     * bulk path see events differently from the processor (upcasters, handler interceptors other
     * than Axon's correlation data and time-out ones).
     */
    public boolean handles(StreamingEventProcessor processor) {
        return processor.getName().equals(ContractCatalogProjection.PROCESSING_GROUP)
                && processor instanceof AbstractEventProcessor handlers
                && rebuildable(handlers)
                && upcasters.stream().findAny().isEmpty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The highest global index the running rebuild has handled. */
    public long position() {
        return position.get();
    }

    /**
     * Stops the processor and starts the rebuild; returns once this node holds the processor's
     * tokens, or throws {@link UnableToClaimTokenException} when another node holds them.
     */
    public void start(StreamingEventProcessor processor) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException(processor.getName() + " is being rebuilt already");
        }
        position.set(0);
        processor.shutDown();
        CompletableFuture<Void> claimed = new CompletableFuture<>();
        Thread worker = new Thread(() -> run(processor, claimed), processor.getName() + "-bulk-rebuild");
        worker.setDaemon(true);
        worker.start();
        try {
            claimed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void run(StreamingEventProcessor processor, CompletableFuture<Void> claimed) {
        String name = processor.getName();
        long began = System.nanoTime();
        try {
            long events = transaction.execute(status -> {
                int[] segments = tokens.fetchSegments(name);
                for (int segment : segments) {
                    // claims the segment and locks its row until the commit: no other node takes it meanwhile
                    tokens.fetchToken(name, segment);
                }
                claimed.complete(null);
                AbstractEventProcessor handlers = (AbstractEventProcessor) processor;
                Replayed replayed;
                try {
                    replayed = catalog.bulk(() -> {
                        handlers.eventHandlerInvoker().performReset();
                        return replay(handlers);
                    });
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int segment : segments) {
                    tokens.storeToken(replayed.token(), name, segment);
                }
                return replayed.events();
            });
            log.info("{} rebuilt from {} events in {} ms", name, events, (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException | Error e) {
            if (!claimed.completeExceptionally(e)) {
                log.error("{} could not be rebuilt; it goes on from where it was", name, e);
            }
        } finally {
            running.set(false);
            processor.start();
        }
    }

    record Replayed(long events, TrackingToken token) {
    }

    private static final class Chunk {
        final List<EventMessage<?>> messages = new ArrayList<>(BATCH);
        long lastIndex;
        TrackingToken token;
        RuntimeException failure;
        boolean end;
    }

    /** Reads on its own connection (one snapshot) while this thread handles what it read. */
    private Replayed replay(AbstractEventProcessor handlers) throws Exception {
        Set<String> types = handledTypes(handlers.eventHandlerInvoker());
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(4);
        AtomicReference<Boolean> stop = new AtomicReference<>(false);
        Thread reader = new Thread(() -> read(types, chunks, stop), "contract-catalog-bulk-read");
        reader.setDaemon(true);
        reader.start();
        long events = 0;
        long waited = 0;
        long handling = 0;
        try {
            while (true) {
                long before = System.nanoTime();
                Chunk chunk = chunks.take();
                long taken = System.nanoTime();
                waited += taken - before;
                if (chunk.failure != null) {
                    throw chunk.failure;
                }
                if (!chunk.messages.isEmpty()) {
                    handle(handlers, chunk.messages);
                    handling += System.nanoTime() - taken;
                    events += chunk.messages.size();
                    position.set(chunk.lastIndex);
                }
                if (chunk.end) {
                    log.info("{} events handled and written in {} ms; {} ms waiting for the reader", events,
                            handling / 1_000_000, waited / 1_000_000);
                    return new Replayed(events, chunk.token);
                }
            }
        } finally {
            stop.set(true);
            chunks.clear();
            reader.join(10_000);
        }
    }

    /** As the processor handles a batch: in a unit of work, by its invoker ({@link #rebuildable} says which interceptors are left out). */
    private static void handle(AbstractEventProcessor handlers, List<EventMessage<?>> messages) throws Exception {
        EventHandlerInvoker invoker = handlers.eventHandlerInvoker();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        // the invoker asks each of its handlers whether it takes the event; asking the invoker first
        // as well, as the processor does to skip events, did that work twice (the reader already
        // skips the types no handler takes)
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof Exception exception) {
                throw exception;
            }
            throw (Error) failure;
        }
    }

    /**
     * Whether the rebuild can do without the processor's handler interceptors. The processor's own (it stores
     * the token of each batch) is left out: the rebuild stores the token itself. Axon's correlation
     * data interceptor is left out too: it only gives messages that handlers send the metadata of the
     * event they handle, and a rebuild's handlers send none (a replay never sends anything again);
     * without it, an event's metadata is deserialised only if a handler asks for it. Time-outs are
     * not applied: the rebuild's batches are not timed. Any other interceptor the rebuild cannot
     * vouch for: such a processor is rebuilt event by event.
     */
    static boolean rebuildable(AbstractEventProcessor processor) {
        for (MessageHandlerInterceptor<? super EventMessage<?>> interceptor : processor.getHandlerInterceptors()) {
            boolean processorsOwn = interceptor.getClass().isSynthetic()
                    && interceptor.getClass().getName().startsWith(TrackingEventProcessor.class.getName() + "$$");
            if (!(interceptor instanceof CorrelationDataInterceptor || interceptor instanceof UnitOfWorkTimeoutInterceptor
                    || processorsOwn)) {
                log.warn("{} has handler interceptor {}: it is rebuilt through its processor, event by event",
                        processor.getName(), interceptor.getClass().getName());
                return false;
            }
        }
        return true;
    }

    private void read(Set<String> types, BlockingQueue<Chunk> chunks, AtomicReference<Boolean> stop) {
        Chunk chunk = new Chunk();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                String filter = types == null ? "" : "WHERE payloadtype = ANY (?) ";
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "timestamp",
                            payloadtype, payloadrevision, payload, metadata
                        FROM domainevententry %sORDER BY globalindex""".formatted(filter))) {
                    if (types != null) {
                        select.setArray(1, connection.createArrayOf("varchar", types.toArray()));
                    }
                    select.setFetchSize(FETCH_SIZE);
                    // binary results: bytea as its bytes, not as hex text to decode
                    select.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            EventMessage<?> message = message(row);
                            // deserialised here, while the other thread runs the handlers on the previous batch
                            message.getPayload();
                            chunk.messages.add(message);
                            chunk.lastIndex = row.getLong(1);
                            if (chunk.messages.size() == BATCH) {
                                if (stop.get()) {
                                    return;
                                }
                                chunks.put(chunk);
                                chunk = new Chunk();
                            }
                        }
                    }
                }
                chunk.token = headOfSnapshot(connection);
                chunk.end = true;
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            chunk.failure = e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not read the event log", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event as Axon's JDBC event store gives it to a processor; payload and metadata deserialised when used. */
    private EventMessage<?> message(ResultSet row) throws SQLException {
        String identifier = row.getString(2);
        Instant timestamp = timestamp(row.getString(6));
        byte[] metadata = row.getBytes(10);
        SerializedMessage<?> serialized = new SerializedMessage<>(identifier,
                new SimpleSerializedObject<>(row.getBytes(9), byte[].class, row.getString(7), row.getString(8)),
                new SerializedMetaData<>(metadata == null ? "{}".getBytes(StandardCharsets.UTF_8) : metadata,
                        byte[].class),
                serializer);
        return new GenericDomainEventMessage<>(row.getString(5), row.getString(3), row.getLong(4), serialized,
                () -> timestamp);
    }

    /**
     * A stored event's time. Axon stores it as {@code 2026-11-27T17:49:55.232Z}; that form is read
     * field by field ({@link Instant#parse} takes a good part of the reading thread's time), any
     * other with {@link Instant#parse}.
     */
    static Instant timestamp(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int millis = digits(text, 20, 23);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
                    && millis >= 0) {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second,
                        millis * 1_000_000L);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The token of a processor that has handled exactly what this snapshot holds: the highest index,
     * and the indexes below it (within the gap offset) that it does not hold, as gaps that a
     * transaction still running may fill.
     */
    private static TrackingToken headOfSnapshot(Connection connection) throws SQLException {
        long head;
        try (PreparedStatement max = connection.prepareStatement("SELECT max(globalindex) FROM domainevententry");
             ResultSet row = max.executeQuery()) {
            row.next();
            head = row.getLong(1);
            if (row.wasNull()) {
                return null;
            }
        }
        long lowest = Math.max(1, head - MAX_GAP_OFFSET + 1);
        Set<Long> present = new HashSet<>();
        try (PreparedStatement tail = connection.prepareStatement(
                "SELECT globalindex FROM domainevententry WHERE globalindex >= ?")) {
            tail.setLong(1, lowest);
            try (ResultSet row = tail.executeQuery()) {
                while (row.next()) {
                    present.add(row.getLong(1));
                }
            }
        }
        List<Long> gaps = new ArrayList<>();
        for (long index = lowest; index < head; index++) {
            if (!present.contains(index)) {
                gaps.add(index);
            }
        }
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    /**
     * The payload types the group's handlers take, to read only those events; null (read every
     * event) when a handler takes a supertype, which the stored type names cannot be matched against.
     */
    private static Set<String> handledTypes(EventHandlerInvoker invoker) {
        Set<String> types = new LinkedHashSet<>();
        for (EventMessageHandler handler : handlers(invoker)) {
            for (MessageHandlingMember<?> member : AnnotatedHandlerInspector.inspectType(handler.getTargetType())
                    .getHandlers()) {
                if (!member.canHandleMessageType(EventMessage.class)) {
                    continue;
                }
                Class<?> type = member.payloadType();
                if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type == Object.class
                        || !invoker.canHandleType(type)) {
                    return null;
                }
                types.add(type.getName());
            }
        }
        return types.isEmpty() ? null : types;
    }

    private static List<EventMessageHandler> handlers(EventHandlerInvoker invoker) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> handlers.addAll(handlers(delegate)));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException("unexpected handler invoker " + invoker.getClass().getName());
        }
        return handlers;
    }
}
