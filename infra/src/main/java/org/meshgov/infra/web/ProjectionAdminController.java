package org.meshgov.infra.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.projection.CatalogBulkRebuild;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds a projection from the event log alone. Processors whose handlers have side effects
 * (starting processes) refuse to be replayed.
 */
@RestController
@RequestMapping("/api/admin/projections")
public class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final CatalogBulkRebuild bulk;
    private final Map<String, Instant> rebuildsStarted = new ConcurrentHashMap<>();

    public ProjectionAdminController(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                     CatalogBulkRebuild bulk) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * {@code position} is the lowest global index its segments have handled, {@code head} the
     * highest in the log; {@code eventsPerSecond} is the pace of a rebuild still replaying.
     */
    public record ProjectionStatus(String name, boolean replayable, boolean running, boolean replaying,
                                   long position, long head, Double eventsPerSecond) {
    }

    @GetMapping
    public List<ProjectionStatus> list() {
        requirePlatformAdmin();
        long head = head();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(p -> status(p, head))
                .toList();
    }

    @GetMapping("/{name}")
    public ProjectionStatus get(@PathVariable String name) {
        requirePlatformAdmin();
        return status(processor(name), head());
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        // a bulk rebuild (the catalog's) runs with the processor stopped: it is the replay
        boolean bulkRebuild = bulk.handles(processor) && bulk.isRunning();
        long position = bulkRebuild ? bulk.position() : processor.processingStatus().values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0))
                .min().orElse(0);
        boolean replaying = bulkRebuild || processor.isReplaying();
        Instant started = rebuildsStarted.get(processor.getName());
        Double rate = null;
        if (started != null && replaying) {
            double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            rate = position / seconds;
        }
        return new ProjectionStatus(processor.getName(), processor.supportsReset(), processor.isRunning(),
                replaying, position, head, rate);
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownEntityException("no streaming projection " + name));
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> rebuild(@PathVariable String name) {
        requirePlatformAdmin();
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw GovernanceViolationException.of("$.name", "replayable",
                    name + " has side effects (it starts processes) and is never replayed");
        }
        if (bulk.handles(processor)) {
            if (bulk.isRunning()) {
                throw new IllegalTransitionException("not-rebuilding", name + " is being rebuilt already");
            }
            try {
                bulk.start(processor);
                rebuildsStarted.put(name, Instant.now());
            } catch (UnableToClaimTokenException claimedElsewhere) {
                throw new IllegalTransitionException("processed-here", name + " is processed by node "
                        + owners(name) + "; send the rebuild to that node");
            }
            return Map.of("name", name, "status", "REBUILDING");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
            rebuildsStarted.put(name, Instant.now());
        } catch (UnableToClaimTokenException claimedElsewhere) {
            // with several nodes, only the one that holds the projection's segments can reset them
            throw new IllegalTransitionException("processed-here", name + " is processed by node "
                    + owners(name) + "; send the rebuild to that node");
        } finally {
            processor.start();
        }
        return Map.of("name", name, "status", "REBUILDING");
    }

    private List<String> owners(String processorName) {
        return jdbc.queryForList("SELECT DISTINCT owner FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL",
                String.class, processorName);
    }

    private static void requirePlatformAdmin() {
        if (!CurrentActor.get().isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only platform admins rebuild projections");
        }
    }
}
