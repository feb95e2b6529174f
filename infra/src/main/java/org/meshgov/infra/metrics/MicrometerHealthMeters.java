package org.meshgov.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.meshgov.metrics.HealthMeters;

/**
 * Durations as Prometheus histograms with fixed buckets from a quarter of an hour to a quarter of a
 * year, and counters; labelled by domain (bounded by {@link DomainTags}), severity, kind, stage and
 * decision, never by person or contract, so the number of series stays small.
 */
public class MicrometerHealthMeters implements HealthMeters {

    static final Duration[] BUCKETS = {Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4),
            Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30),
            Duration.ofDays(90)};

    private final MeterRegistry registry;
    private final DomainTags domains;

    public MicrometerHealthMeters(MeterRegistry registry, DomainTags domains) {
        this.registry = registry;
        this.domains = domains;
    }

    @Override
    public void published(String domain, Duration sinceProposal) {
        timer("meshgov.contract.time.to.publish", "From a version's first proposal to its publication",
                "domain", domains.tagFor(domain)).record(sinceProposal);
    }

    @Override
    public void reviewStageEnded(String domain, String stage, Duration waited) {
        timer("meshgov.contract.review.stage", "Time a proposal waited in one review stage",
                "domain", domains.tagFor(domain), "stage", stage).record(waited);
    }

    @Override
    public void reviewDecided(String domain, String decision) {
        counter("meshgov.contract.review.decisions", "Review decisions",
                "domain", domains.tagFor(domain), "decision", decision).increment();
    }

    @Override
    public void escalated(String domain, String kind) {
        counter("meshgov.escalations", "Reviews, access requests and incidents escalated to governance",
                "domain", domains.tagFor(domain), "kind", kind).increment();
    }

    @Override
    public void incidentRaised(String domain, String severity, String kind) {
        counter("meshgov.incidents.raised", "Incidents raised",
                "domain", domains.tagFor(domain), "severity", severity, "kind", kind).increment();
    }

    @Override
    public void incidentAcknowledged(String domain, String severity, Duration sinceRaised) {
        timer("meshgov.incident.time.to.acknowledge", "From an incident being raised to its acknowledgement",
                "domain", domains.tagFor(domain), "severity", severity).record(sinceRaised);
    }

    @Override
    public void incidentResolved(String domain, String severity, Duration sinceRaised) {
        timer("meshgov.incident.time.to.resolve", "From an incident being raised to its resolution",
                "domain", domains.tagFor(domain), "severity", severity).record(sinceRaised);
    }

    @Override
    public void accessDecided(String domain, Duration sinceRequested) {
        timer("meshgov.access.time.to.decision", "From an access request to its grant or denial",
                "domain", domains.tagFor(domain)).record(sinceRequested);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
