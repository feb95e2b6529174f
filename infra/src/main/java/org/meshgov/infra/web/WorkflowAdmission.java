package org.meshgov.infra.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.Segment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Back-pressure for the writes that start processes (ADR 17). A 202 promises that the process will
 * start; when proposals arrive faster than the workflow's event processor starts their processes,
 * the queue between them, and with it the time until reviewers see a task, would grow for as long as
 * the burst lasts. So such a write first waits until the segment that will handle its event is at
 * most {@code max-backlog} events behind the head of the log, and is refused with 503 and
 * {@code Retry-After}, before anything is stored, once it has waited {@code max-wait}.
 *
 * <p>The positions are read from the token store, so they hold for the segments of every node. A
 * segment whose claim has not been renewed within {@link #LIVE_WITHIN} (its node died; another will
 * take it over) or that nobody claims (the processor is stopped) does not hold writes back:
 * back-pressure answers load, not a workflow that is not running. Readings are shared for
 * {@value #READING_MILLIS} ms.
 */
@Component
@EnableConfigurationProperties(WorkflowAdmissionProperties.class)
public class WorkflowAdmission {

    static final long READING_MILLIS = 20;
    /**
     * A claim renewed this recently is held by a live node: an idle processor renews its claims every
     * second, a busy one with every batch. A node that died is left out after this, well before its
     * claims time out (10 s) and another node takes them over.
     */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(3);

    private final JdbcTemplate jdbc;
    private final WorkflowAdmissionProperties properties;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Map<String, Object> readers = new ConcurrentHashMap<>();

    /** A segment's position, and whether a live node holds it. */
    private record Position(int segment, long index, boolean live) {
    }

    private record Reading(long head, List<Position> positions, int[] segments, long readAt) {

        boolean fresh() {
            return System.nanoTime() - readAt < READING_MILLIS * 1_000_000;
        }

        /**
         * How far behind the head is the live segment that handles events of this sequence (Axon's
         * default policy: the aggregate's identifier), or the slowest live segment when it is not known.
         */
        long backlog(String sequenceIdentifier) {
            long backlog = 0;
            for (Position position : positions) {
                if (position.live() && (sequenceIdentifier == null
                        || Segment.computeSegment(position.segment(), segments).matches(sequenceIdentifier))) {
                    backlog = Math.max(backlog, head - position.index());
                }
            }
            return backlog;
        }
    }

    public WorkflowAdmission(JdbcTemplate jdbc, WorkflowAdmissionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Returns once the processing group's live segment for this aggregate (any of them when null) is
     * within {@code max-backlog} events of the log's head; throws {@link WorkflowsBehindException} when
     * it is not within {@code max-wait}.
     */
    public void awaitRoom(String processingGroup, String aggregateIdentifier) {
        if (!properties.enabled()) {
            return;
        }
        long began = System.nanoTime();
        long waitNanos = properties.maxWait().toNanos();
        long backlog = backlog(processingGroup, aggregateIdentifier);
        while (backlog > properties.maxBacklog()) {
            long waited = System.nanoTime() - began;
            if (waited >= waitNanos) {
                throw new WorkflowsBehindException(processingGroup, backlog, waited / 1_000_000,
                        Math.max(1, properties.maxWait().toSeconds()));
            }
            try {
                Thread.sleep(READING_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkflowsBehindException(processingGroup, backlog, waited / 1_000_000, 1);
            }
            backlog = backlog(processingGroup, aggregateIdentifier);
        }
    }

    /** Events stored after the position of the live segment that would handle this aggregate's next event. */
    long backlog(String processingGroup, String aggregateIdentifier) {
        Reading reading = readings.get(processingGroup);
        if (reading == null || !reading.fresh()) {
            // one reading at a time per group; the requests waiting for it use the one it takes
            synchronized (readers.computeIfAbsent(processingGroup, group -> new Object())) {
                reading = readings.get(processingGroup);
                if (reading == null || !reading.fresh()) {
                    reading = read(processingGroup);
                    readings.put(processingGroup, reading);
                }
            }
        }
        return reading.backlog(aggregateIdentifier);
    }

    private Reading read(String processingGroup) {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        List<Position> positions = jdbc.query("""
                SELECT segment,
                    CASE WHEN tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken'
                        THEN (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint END AS index,
                    owner IS NOT NULL AND "timestamp"::timestamptz > clock_timestamp() - ? * interval '1 millisecond'
                        AS live
                FROM tokenentry WHERE processorname = ? ORDER BY segment""",
                (row, i) -> {
                    long index = row.getLong("index");
                    // a token of another kind (a replay, say) is not a position this can compare with the head
                    boolean known = !row.wasNull();
                    return new Position(row.getInt("segment"), index, known && row.getBoolean("live"));
                }, LIVE_WITHIN.toMillis(), processingGroup);
        int[] segments = positions.stream().mapToInt(Position::segment).toArray();
        return new Reading(head, positions, segments, System.nanoTime());
    }
}
