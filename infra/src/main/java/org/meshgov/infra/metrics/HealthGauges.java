package org.meshgov.infra.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.meshgov.domain.read.DomainQueries;
import org.meshgov.domain.read.DomainView;
import org.meshgov.metrics.HealthMetricsQueries;
import org.meshgov.metrics.HealthMetricsQueries.HealthMetrics;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Open work and adoption per domain as gauges: each one is the figure the JSON API gives for the
 * domain over the last {@link #WINDOW}, recomputed on a schedule rather than on every scrape.
 * Domains past the {@link DomainTags} bound are summed under {@code other}; ratios are not summed.
 */
public class HealthGauges {

    static final Duration WINDOW = Duration.ofDays(7);

    private final HealthMetricsQueries queries;
    private final DomainQueries domains;
    private final DomainTags domainTags;
    private final Clock clock;
    private final Map<String, ToIntFunction<HealthMetrics>> counts = new LinkedHashMap<>();
    private final Map<String, MultiGauge> countGauges = new LinkedHashMap<>();
    private final MultiGauge openIncidents;
    private final MultiGauge compliance;
    private final MultiGauge qualityScore;
    private final AtomicInteger registeredDomains = new AtomicInteger();

    public HealthGauges(MeterRegistry registry, HealthMetricsQueries queries, DomainQueries domains,
                        DomainTags domainTags, Clock clock) {
        this.queries = queries;
        this.domains = domains;
        this.domainTags = domainTags;
        this.clock = clock;
        count(registry, "meshgov.contracts.published", "Contracts with a live published version",
                m -> m.adoption().publishedContracts());
        count(registry, "meshgov.reviews.open", "Proposals waiting for an owner or governance review",
                m -> m.reviews().inReview());
        count(registry, "meshgov.access.requests.open", "Access requests waiting for a decision",
                m -> m.access().openRequests());
        count(registry, "meshgov.access.grants.active", "Grants in force on the domain's contracts",
                m -> m.access().activeGrants());
        count(registry, "meshgov.access.grants.expiring", "Grants in force that end within 30 days",
                m -> m.access().grantsExpiringWithin30Days());
        count(registry, "meshgov.deprecations.open", "Deprecations not yet retired or cancelled",
                m -> m.deprecations().open());
        count(registry, "meshgov.deprecation.consumers.unacknowledged",
                "Consumers of open deprecations that neither acknowledged nor migrated",
                m -> m.deprecations().consumersNotAcknowledged());
        count(registry, "meshgov.deprecation.consumers.unmigrated", "Consumers of open deprecations not migrated",
                m -> m.deprecations().consumersNotMigrated());
        openIncidents = MultiGauge.builder("meshgov.incidents.open").description("Incidents not yet resolved")
                .register(registry);
        compliance = MultiGauge.builder("meshgov.quality.compliance").baseUnit("ratio")
                .description("Passed quality results over all results of the last 7 days").register(registry);
        qualityScore = MultiGauge.builder("meshgov.quality.score")
                .description("Severity-weighted share of passed quality results of the last 7 days, 0 to 100")
                .register(registry);
        Gauge.builder("meshgov.domains", registeredDomains, AtomicInteger::get).description("Registered domains")
                .register(registry);
    }

    private void count(MeterRegistry registry, String name, String description, ToIntFunction<HealthMetrics> figure) {
        counts.put(name, figure);
        countGauges.put(name, MultiGauge.builder(name).description(description).register(registry));
    }

    @Scheduled(fixedDelayString = "${meshgov.metrics.gauge-refresh:PT1M}")
    public void refresh() {
        Instant now = clock.instant();
        Map<String, List<HealthMetrics>> byTag = new LinkedHashMap<>();
        List<DomainView> registered = domains.all();
        for (DomainView domain : registered) {
            byTag.computeIfAbsent(domainTags.tagFor(domain.id()), tag -> new ArrayList<>())
                    .add(queries.domain(domain.id(), now.minus(WINDOW), now));
        }
        counts.forEach((name, figure) -> countGauges.get(name).register(rows(byTag, Tags.empty(), figure), true));
        List<MultiGauge.Row<?>> incidents = new ArrayList<>();
        for (String severity : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
            incidents.addAll(rows(byTag, Tags.of("severity", severity),
                    metrics -> metrics.incidents().openBySeverity().get(severity)));
        }
        openIncidents.register(incidents, true);
        compliance.register(ratios(byTag, metrics -> metrics.quality().compliance()), true);
        qualityScore.register(ratios(byTag, metrics -> metrics.quality().score()), true);
        registeredDomains.set(registered.size());
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, List<HealthMetrics>> byTag, Tags extraTags,
                                                ToIntFunction<HealthMetrics> figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byTag.forEach((tag, metrics) -> rows.add(MultiGauge.Row.of(Tags.of("domain", tag).and(extraTags),
                metrics.stream().mapToInt(figure).sum())));
        return rows;
    }

    private static List<MultiGauge.Row<?>> ratios(Map<String, List<HealthMetrics>> byTag,
                                                  Function<HealthMetrics, Double> figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byTag.forEach((tag, metrics) -> {
            Double value = metrics.size() == 1 ? figure.apply(metrics.get(0)) : null;
            if (value != null) {
                rows.add(MultiGauge.Row.of(Tags.of("domain", tag), value));
            }
        });
        return rows;
    }
}
