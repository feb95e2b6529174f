package org.meshgov.deprecation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One deprecation of a version and where each of its consumers stands. */
public record VersionDeprecation(String deprecationId, Instant sunset, String replacementVersion,
                                 Map<String, ConsumerProgress> consumers) {

    public record ConsumerProgress(Consumer consumer, boolean acknowledged, LocalDate plannedMigration,
                                   String objection, boolean migrated) {

        static ConsumerProgress notified(Consumer consumer) {
            return new ConsumerProgress(consumer, false, null, null, false);
        }

        boolean ready() {
            return acknowledged || migrated;
        }
    }

    public static VersionDeprecation opened(ContractVersionDeprecatedEvent event) {
        Map<String, ConsumerProgress> consumers = new LinkedHashMap<>();
        event.consumers().forEach(c -> consumers.put(c.domain(), ConsumerProgress.notified(c)));
        return new VersionDeprecation(event.deprecationId(), event.sunset(), event.replacementVersion(), consumers);
    }

    public boolean hasConsumer(String domain) {
        return consumers.containsKey(domain);
    }

    public ConsumerProgress consumer(String domain) {
        return consumers.get(domain);
    }

    /** Consumers that neither acknowledged nor migrated: every consumer is ready when this is empty. */
    public List<String> notReady() {
        return consumers.values().stream().filter(c -> !c.ready()).map(c -> c.consumer().domain()).toList();
    }

    public VersionDeprecation with(Consumer consumer) {
        return update(consumer.domain(), ignored -> ConsumerProgress.notified(consumer));
    }

    public VersionDeprecation acknowledged(String domain, LocalDate plannedMigration) {
        return update(domain, c -> new ConsumerProgress(c.consumer(), true, plannedMigration, null, c.migrated()));
    }

    public VersionDeprecation objected(String domain, String reason) {
        return update(domain, c -> new ConsumerProgress(c.consumer(), false, null, reason, c.migrated()));
    }

    public VersionDeprecation migrated(String domain) {
        return update(domain, c -> new ConsumerProgress(c.consumer(), c.acknowledged(), c.plannedMigration(),
                c.objection(), true));
    }

    public VersionDeprecation withSunset(Instant newSunset) {
        return new VersionDeprecation(deprecationId, newSunset, replacementVersion, consumers);
    }

    private VersionDeprecation update(String domain, UnaryOperator<ConsumerProgress> change) {
        Map<String, ConsumerProgress> updated = new LinkedHashMap<>(consumers);
        updated.put(domain, change.apply(updated.get(domain)));
        return new VersionDeprecation(deprecationId, sunset, replacementVersion, updated);
    }
}
