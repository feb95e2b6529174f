package org.meshgov.infra.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Back-pressure for the writes that start processes (ADR 17). A 202 promises that the process will
 * start; when proposals arrive faster than the workflow's event processor starts their processes,
 * the queue between them, and with it the time until reviewers see a task, would grow for as long as
 * the burst lasts. So such a write first waits until the workflow's live segments are at most
 * {@code max-backlog} events behind the head of the log, and is refused with 503 and
 * {@code Retry-After}, before anything is stored, once it has waited {@code max-wait}.
 *
 * <p>The backlog is read from the token store, so it holds for the segments of every node. Segments
 * whose claim has not been renewed within the claim time-out (their node died; another will take
 * them over) or that nobody claims (the processor is stopped) are left out: back-pressure answers
 * load, not a workflow that is not running. Readings are shared for {@value #READING_MILLIS} ms.
 */
@Component
@EnableConfigurationProperties(WorkflowAdmissionProperties.class)
public class WorkflowAdmission {

    static final long READING_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final WorkflowAdmissionProperties properties;
    private final Duration claimTimeout;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Map<String, Object> readers = new ConcurrentHashMap<>();

    private record Reading(long backlog, long readAt) {
    }

    public WorkflowAdmission(JdbcTemplate jdbc, WorkflowAdmissionProperties properties,
                             @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.claimTimeout = claimTimeout;
    }

    /**
     * Returns once the processing group's live segments are within {@code max-backlog} events of the
     * log's head; throws {@link WorkflowsBehindException} when they are not within {@code max-wait}.
     */
    public void awaitRoom(String processingGroup) {
        if (!properties.enabled()) {
            return;
        }
        long began = System.nanoTime();
        long waitNanos = properties.maxWait().toNanos();
        long backlog = backlog(processingGroup);
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
            backlog = backlog(processingGroup);
        }
    }

    /** Events stored after the position of the group's slowest live segment; 0 when no segment is live. */
    long backlog(String processingGroup) {
        Reading reading = readings.get(processingGroup);
        if (fresh(reading)) {
            return reading.backlog();
        }
        // one reading at a time per group; the requests waiting for it use the one it takes
        synchronized (readers.computeIfAbsent(processingGroup, group -> new Object())) {
            reading = readings.get(processingGroup);
            if (fresh(reading)) {
                return reading.backlog();
            }
            Long behind = jdbc.queryForObject("""
                    SELECT (SELECT coalesce(max(globalindex), 0) FROM domainevententry)
                        - min((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint)
                    FROM tokenentry
                    WHERE processorname = ? AND owner IS NOT NULL
                        AND tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken'
                        AND "timestamp"::timestamptz > clock_timestamp() - ? * interval '1 millisecond'""",
                    Long.class, processingGroup, claimTimeout.toMillis());
            long backlog = behind == null ? 0 : Math.max(0, behind);
            readings.put(processingGroup, new Reading(backlog, System.nanoTime()));
            return backlog;
        }
    }

    private static boolean fresh(Reading reading) {
        return reading != null && System.nanoTime() - reading.readAt() < READING_MILLIS * 1_000_000;
    }
}
