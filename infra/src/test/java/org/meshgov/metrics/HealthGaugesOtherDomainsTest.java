package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.meshgov.domain.read.DomainQueries;
import org.meshgov.domain.read.DomainView;
import org.meshgov.infra.metrics.DomainTags;
import org.meshgov.infra.metrics.HealthGauges;
import org.meshgov.metrics.HealthMetricsQueries.HealthMetrics;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Past the label bound, domains are counted together under {@code other}, from the mesh's figures
 * less the named domains': the same totals as asking for each of those domains.
 */
@MeshgovSpringTest
class HealthGaugesOtherDomainsTest {

    @Autowired
    HealthMetricsQueries queries;
    @Autowired
    DomainQueries domains;
    @Autowired
    Clock clock;
    @Autowired
    CommandGateway commands;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void domainsPastTheBoundCountAsMuchUnderOtherAsEachOfThemDoes() {
        PublishedContract.publishOrders("other-" + UUID.randomUUID(), commands, tasks, identity, jdbc);
        List<DomainView> all = domains.all();
        DomainView named = all.stream().filter(domain -> !domain.id().equals("orders")).findFirst().orElseThrow();
        DomainTags oneNamed = new DomainTags(1);
        oneNamed.tagFor(named.id());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HealthGauges gauges = new HealthGauges(registry, queries, domains, oneNamed, clock);

        gauges.refresh();

        Instant now = clock.instant();
        List<HealthMetrics> others = all.stream().filter(domain -> !domain.equals(named))
                .map(domain -> queries.domain(domain.id(), now.minus(HealthGauges.WINDOW), now)).toList();
        assertThat(others.stream().mapToInt(m -> m.adoption().publishedContracts()).sum())
                .as("orders, under other, has a published contract").isPositive();
        assertOther(registry, "meshgov.contracts.published", others, m -> m.adoption().publishedContracts());
        assertOther(registry, "meshgov.reviews.open", others, m -> m.reviews().inReview());
        assertOther(registry, "meshgov.deprecations.open", others, m -> m.deprecations().open());
        assertOther(registry, "meshgov.access.requests.open", others, m -> m.access().openRequests());
        assertThat(registry.find("meshgov.contracts.published").tag("domain", named.id()).gauge()).isNotNull();
        assertThat(registry.find("meshgov.quality.compliance").tag("domain", DomainTags.OTHER).gauge())
                .as("no ratio for several domains together").isNull();
    }

    private static void assertOther(SimpleMeterRegistry registry, String gauge, List<HealthMetrics> others,
                                    ToIntFunction<HealthMetrics> figure) {
        Gauge other = registry.find(gauge).tag("domain", DomainTags.OTHER).gauge();
        assertThat(other).as(gauge).isNotNull();
        assertThat(other.value()).as(gauge).isEqualTo(others.stream().mapToInt(figure).sum());
    }
}
