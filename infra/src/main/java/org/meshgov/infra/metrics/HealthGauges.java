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
 * Domains past the {@link DomainTags} bound are counted together under {@code other}: the whole
 * mesh's counts less those of the named domains, so that a refresh queries at most the bound's
 * domains one by one however many are registered; {@code other} has no ratios.
 */
public class HealthGauges {

    public static final Duration WINDOW = Duration.ofDays(7);

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
        Instant from = now.minus(WINDOW);
        Map<String, HealthMetrics> named = new LinkedHashMap<>();
        boolean others = false;
        List<DomainView> registered = domains.all();
        for (DomainView domain : registered) {
            String tag = domainTags.tagFor(domain.id());
            if (DomainTags.OTHER.equals(tag)) {
                others = true;
            } else {
                named.put(tag, queries.domain(domain.id(), from, now));
            }
        }
        HealthMetrics mesh = others ? queries.mesh(from, now) : null;
        counts.forEach((name, figure) -> countGauges.get(name).register(rows(named, mesh, Tags.empty(), figure), true));
        List<MultiGauge.Row<?>> incidents = new ArrayList<>();
        for (String severity : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
            incidents.addAll(rows(named, mesh, Tags.of("severity", severity),
                    metrics -> metrics.incidents().openBySeverity().get(severity)));
        }
        openIncidents.register(incidents, true);
        compliance.register(ratios(named, metrics -> metrics.quality().compliance()), true);
        qualityScore.register(ratios(named, metrics -> metrics.quality().score()), true);
        registeredDomains.set(registered.size());
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, HealthMetrics> named, HealthMetrics mesh, Tags extraTags,
                                                ToIntFunction<HealthMetrics> figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        named.forEach((tag, metrics) -> rows.add(MultiGauge.Row.of(Tags.of("domain", tag).and(extraTags),
                figure.applyAsInt(metrics))));
        if (mesh != null) {
            int ofNamed = named.values().stream().mapToInt(figure).sum();
            rows.add(MultiGauge.Row.of(Tags.of("domain", DomainTags.OTHER).and(extraTags),
                    figure.applyAsInt(mesh) - ofNamed));
        }
        return rows;
    }

    private static List<MultiGauge.Row<?>> ratios(Map<String, HealthMetrics> named,
                                                  Function<HealthMetrics, Double> figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        named.forEach((tag, metrics) -> {
            Double value = figure.apply(metrics);
            if (value != null) {
                rows.add(MultiGauge.Row.of(Tags.of("domain", tag), value));
            }
        });
        return rows;
    }
}
