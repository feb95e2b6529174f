package org.meshgov.infra.web;

import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
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

    public ProjectionAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public record ProjectionStatus(String name, boolean replayable, boolean running, boolean replaying) {
    }

    @GetMapping
    public List<ProjectionStatus> list() {
        requirePlatformAdmin();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(p -> new ProjectionStatus(p.getName(), p.supportsReset(), p.isRunning(), p.isReplaying()))
                .toList();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> rebuild(@PathVariable String name) {
        requirePlatformAdmin();
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownEntityException("no streaming projection " + name));
        if (!processor.supportsReset()) {
            throw GovernanceViolationException.of("$.name", "replayable",
                    name + " has side effects (it starts processes) and is never replayed");
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return Map.of("name", name, "status", "REBUILDING");
    }

    private static void requirePlatformAdmin() {
        if (!CurrentActor.get().isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only platform admins rebuild projections");
        }
    }
}
