package org.meshgov.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every health figure of a scope, from the metrics projection's facts. */
@Component
public class HealthMetricsQueries {

    /** {@code domains} lists every domain registered by the end of the window; only the overview has it. */
    public record HealthMetrics(String domain, Instant from, Instant to, ReviewFigures.Reviews reviews,
                                QualityFigures.Quality quality, IncidentFigures.Incidents incidents,
                                DeprecationFigures.Deprecations deprecations, AccessFigures.Access access,
                                AdoptionFigures.Adoption adoption,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<DomainSummary> domains) {
    }

    /** One line per domain on the overview; {@code compliance} and the median are over the window. */
    public record DomainSummary(String domain, int publishedContracts, int inReview, int openIncidents,
                                int openAccessRequests, Double compliance, Double timeToPublishP50Seconds) {
    }

    public record ContractHealth(String contractId, Instant from, Instant to,
                                 List<QualityFigures.VersionTrend> qualityByVersion,
                                 List<IncidentFigures.WeeklyIncidents> incidentsPerWeek) {
    }

    private final JdbcTemplate jdbc;
    private final ReviewFigures reviews;
    private final QualityFigures quality;
    private final IncidentFigures incidents;
    private final DeprecationFigures deprecations;
    private final AccessFigures access;
    private final AdoptionFigures adoption;

    public HealthMetricsQueries(JdbcTemplate jdbc, @Value("${meshgov.review-sla}") Duration reviewSla) {
        this.jdbc = jdbc;
        this.reviews = new ReviewFigures(jdbc, reviewSla);
        this.quality = new QualityFigures(jdbc);
        this.incidents = new IncidentFigures(jdbc);
        this.deprecations = new DeprecationFigures(jdbc);
        this.access = new AccessFigures(jdbc);
        this.adoption = new AdoptionFigures(jdbc);
    }

    public HealthMetrics overview(Instant from, Instant to) {
        MetricsScope scope = new MetricsScope(null, from, to);
        return of(scope, registeredDomains(to).stream().map(domain -> summary(new MetricsScope(domain, from, to)))
                .toList());
    }

    /** The whole mesh's figures, without the per-domain summaries of {@link #overview}. */
    public HealthMetrics mesh(Instant from, Instant to) {
        return of(new MetricsScope(null, from, to), null);
    }

    public HealthMetrics domain(String domain, Instant from, Instant to) {
        return of(new MetricsScope(domain, from, to), null);
    }

    public ContractHealth contract(String contractId, Instant from, Instant to) {
        MetricsScope scope = new MetricsScope(null, from, to);
        return new ContractHealth(contractId, from, to, quality.trendsOf(contractId, scope),
                incidents.weeklyOf(contractId, scope));
    }

    public boolean knowsContract(String contractId) {
        return !jdbc.queryForList("SELECT 1 FROM metric_contract_version WHERE contract_id = ? LIMIT 1",
                Integer.class, contractId).isEmpty();
    }

    private HealthMetrics of(MetricsScope scope, List<DomainSummary> domains) {
        return new HealthMetrics(scope.domain(), scope.from(), scope.to(), reviews.of(scope), quality.of(scope),
                incidents.of(scope), deprecations.of(scope), access.of(scope), adoption.of(scope), domains);
    }

    private DomainSummary summary(MetricsScope scope) {
        return new DomainSummary(scope.domain(), adoption.consumersPerContract(scope.domain(), scope.to()).size(),
                reviews.openAt(scope).size(), incidents.openAt(scope).size(), access.openAt(scope).size(),
                quality.of(scope).compliance(), reviews.timeToPublish(scope).p50Seconds());
    }

    private List<String> registeredDomains(Instant at) {
        return jdbc.queryForList("SELECT domain_id FROM metric_domain WHERE registered_at < ? ORDER BY domain_id",
                String.class, Timestamp.from(at));
    }
}
