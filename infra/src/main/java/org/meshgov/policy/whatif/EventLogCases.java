package org.meshgov.policy.whatif;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.meshgov.access.AccessRequestFacts;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.contract.ContractProposalFacts;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.DeprecationFacts;
import org.meshgov.domain.DomainRegisteredEvent;
import org.meshgov.domain.DomainStageChangedEvent;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.incident.IncidentFacts;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.policy.PolicyTarget;
import org.meshgov.quality.QualityResultsRecordedEvent;
import org.meshgov.quality.QualityRunFacts;

/**
 * Replays the event log, not a projection: reads the stored events of the kinds a rule judges, in
 * global order, deserialises each with the engine's own event serializer and turns it into the
 * facts its command handler evaluated, with the domain's stage at that point of the log. Cases
 * that nobody could have been refused are left out: deprecations a new major made by itself and
 * incidents a failed quality rule opened.
 *
 * <p>One thread reads the rows and keeps each domain's stage history; cases are deserialised and
 * judged in batches by a worker per core, each with a sink of its own.
 */
public class EventLogCases {

    static final List<Class<?>> READ = List.of(DomainRegisteredEvent.class, DomainStageChangedEvent.class,
            ContractVersionProposedEvent.class, AccessRequestedEvent.class, ContractVersionDeprecatedEvent.class,
            IncidentRaisedEvent.class, QualityResultsRecordedEvent.class);
    private static final String REGISTERED = DomainRegisteredEvent.class.getName();
    private static final String STAGE_CHANGED = DomainStageChangedEvent.class.getName();
    private static final int FETCH_SIZE = 2_000;
    private static final int BATCH = 250;

    private final DataSource dataSource;
    private final Serializer serializer;
    private final int workers;

    public EventLogCases(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private record Row(long globalIndex, String type, String revision, byte[] payload, Instant at) {
    }

    /**
     * Hands every past case to the sink of the thread that judged it (one sink per thread, from
     * {@code sinks}); each sink sees its cases in log order. Returns how many events were read.
     */
    public long replay(Supplier<Consumer<PastCase>> sinks) {
        Map<String, NavigableMap<Long, OnboardingStage>> stages = new ConcurrentHashMap<>();
        Map<Thread, Consumer<PastCase>> sinkOfThread = new ConcurrentHashMap<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // a full queue makes the reader judge a batch itself, which keeps memory bounded
        ThreadPoolExecutor judges = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workers * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        long read = 0;
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result only inside a transaction; otherwise it reads it all into memory
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT globalindex, payloadtype, payloadrevision, payload, "timestamp" FROM domainevententry
                    WHERE payloadtype IN (%s) ORDER BY globalindex""".formatted(String.join(", ",
                    READ.stream().map(type -> "'" + type.getName() + "'").toList())))) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    List<Row> batch = new ArrayList<>(BATCH);
                    while (rows.next() && failure.get() == null) {
                        read++;
                        Row row = new Row(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBytes(4),
                                Instant.parse(rows.getString(5)));
                        if (row.type().equals(REGISTERED) || row.type().equals(STAGE_CHANGED)) {
                            // the reader keeps the stages, so a case judged later finds every earlier change
                            recordStage(deserialize(row), row.globalIndex(), stages);
                        } else {
                            batch.add(row);
                        }
                        if (batch.size() == BATCH) {
                            submit(List.copyOf(batch), stages, sinks, sinkOfThread, failure, judges);
                            batch.clear();
                        }
                    }
                    submit(List.copyOf(batch), stages, sinks, sinkOfThread, failure, judges);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event log", e);
        } finally {
            judges.shutdown();
            awaitTermination(judges);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return read;
    }

    private void submit(List<Row> batch, Map<String, NavigableMap<Long, OnboardingStage>> stages,
                        Supplier<Consumer<PastCase>> sinks, Map<Thread, Consumer<PastCase>> sinkOfThread,
                        AtomicReference<RuntimeException> failure, ThreadPoolExecutor judges) {
        judges.execute(() -> {
            try {
                Consumer<PastCase> sink = sinkOfThread.computeIfAbsent(Thread.currentThread(), thread -> sinks.get());
                for (Row row : batch) {
                    pastCase(deserialize(row), row, stages, sink);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private Object deserialize(Row row) {
        return serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class, row.type(),
                row.revision()));
    }

    private static void recordStage(Object event, long globalIndex,
                                    Map<String, NavigableMap<Long, OnboardingStage>> stages) {
        if (event instanceof DomainRegisteredEvent registered) {
            stages.computeIfAbsent(registered.domainId(), d -> new ConcurrentSkipListMap<>())
                    .put(globalIndex, OnboardingStage.PILOT);
        } else if (event instanceof DomainStageChangedEvent changed) {
            stages.computeIfAbsent(changed.domainId(), d -> new ConcurrentSkipListMap<>())
                    .put(globalIndex, changed.to());
        }
    }

    private static void pastCase(Object event, Row row, Map<String, NavigableMap<Long, OnboardingStage>> stages,
                                 Consumer<PastCase> sink) {
        Instant at = row.at();
        long index = row.globalIndex();
        if (event instanceof ContractVersionProposedEvent proposed) {
            sink.accept(new PastCase(PolicyTarget.CONTRACT_PROPOSAL, "contract:" + proposed.contractId() + "/"
                    + proposed.version() + "#" + proposed.revision(), index, proposed.domain(),
                    stageOf(proposed.domain(), index, stages), at, ContractProposalFacts.of(proposed)));
        } else if (event instanceof AccessRequestedEvent requested) {
            sink.accept(new PastCase(PolicyTarget.ACCESS_REQUEST, "access:" + requested.requestId(), index,
                    requested.owningDomain(), stageOf(requested.owningDomain(), index, stages), at,
                    AccessRequestFacts.of(requested, at)));
        } else if (event instanceof ContractVersionDeprecatedEvent deprecated) {
            if (!deprecated.deprecatedBy().startsWith("system:")) {
                sink.accept(new PastCase(PolicyTarget.DEPRECATION, "deprecation:" + deprecated.deprecationId(),
                        index, deprecated.domain(), stageOf(deprecated.domain(), index, stages), at,
                        DeprecationFacts.of(deprecated, at)));
            }
        } else if (event instanceof IncidentRaisedEvent raised) {
            if (raised.rule() == null) {
                sink.accept(new PastCase(PolicyTarget.INCIDENT, "incident:" + raised.incidentId(), index,
                        raised.domain(), stageOf(raised.domain(), index, stages), at, IncidentFacts.of(raised)));
            }
        } else if (event instanceof QualityResultsRecordedEvent run) {
            sink.accept(new PastCase(PolicyTarget.QUALITY_RESULT, "quality-run:" + run.contractId() + ":"
                    + run.runId(), index, run.domain(), stageOf(run.domain(), index, stages), at,
                    QualityRunFacts.of(run, at)));
        }
    }

    /** The domain's stage just before {@code globalIndex}; a domain the log never registered counts as a pilot. */
    private static OnboardingStage stageOf(String domain, long globalIndex,
                                           Map<String, NavigableMap<Long, OnboardingStage>> stages) {
        NavigableMap<Long, OnboardingStage> history = stages.get(domain);
        Map.Entry<Long, OnboardingStage> latest = history == null ? null : history.floorEntry(globalIndex);
        return latest == null ? OnboardingStage.PILOT : latest.getValue();
    }

    private static void awaitTermination(ThreadPoolExecutor judges) {
        try {
            if (!judges.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("the what-if replay did not finish within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging past cases", e);
        }
    }
}
