package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.access.AccessDeniedEvent;
import org.meshgov.access.AccessGrantedEvent;
import org.meshgov.access.AccessRequestEscalatedEvent;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.access.AccessRevokedEvent;
import org.meshgov.access.ApprovalRole;
import org.meshgov.contract.ChangeLevel;
import org.meshgov.contract.ContractProposalWithdrawnEvent;
import org.meshgov.contract.ContractReviewDecidedEvent;
import org.meshgov.contract.ContractReviewEscalatedEvent;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.contract.ContractVersionPublishedEvent;
import org.meshgov.contract.ReviewDecision;
import org.meshgov.contract.ReviewPlan;
import org.meshgov.contract.ReviewStage;
import org.meshgov.deprecation.Consumer;
import org.meshgov.deprecation.ConsumerMigratedEvent;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.DeprecationAcknowledgedEvent;
import org.meshgov.deprecation.DeprecationCancelledEvent;
import org.meshgov.deprecation.DeprecationConsumerAddedEvent;
import org.meshgov.deprecation.DeprecationSunsetExtendedEvent;
import org.meshgov.domain.DomainRegisteredEvent;
import org.meshgov.incident.IncidentAcknowledgedEvent;
import org.meshgov.incident.IncidentClosedEvent;
import org.meshgov.incident.IncidentEscalatedEvent;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.incident.IncidentResolvedEvent;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.ResolutionReason;
import org.meshgov.infra.metrics.DomainTags;
import org.meshgov.infra.metrics.MicrometerHealthMeters;
import org.meshgov.metrics.AccessFigures.Access;
import org.meshgov.metrics.AccessFigures.ExpiringGrant;
import org.meshgov.metrics.AdoptionFigures.Adoption;
import org.meshgov.metrics.AdoptionFigures.ContractConsumers;
import org.meshgov.metrics.AdoptionFigures.WeeklyAdoption;
import org.meshgov.metrics.DeprecationFigures.Deprecations;
import org.meshgov.metrics.DeprecationFigures.OpenDeprecation;
import org.meshgov.metrics.HealthMetricsQueries.DomainSummary;
import org.meshgov.metrics.HealthMetricsQueries.HealthMetrics;
import org.meshgov.metrics.IncidentFigures.Incidents;
import org.meshgov.metrics.IncidentFigures.WeeklyIncidents;
import org.meshgov.metrics.QualityFigures.Quality;
import org.meshgov.metrics.QualityFigures.VersionQuality;
import org.meshgov.metrics.QualityFigures.WeeklyQuality;
import org.meshgov.metrics.ReviewFigures.ReviewerDecisions;
import org.meshgov.metrics.ReviewFigures.Reviews;
import org.meshgov.metrics.ReviewFigures.WeeklyCount;
import org.meshgov.quality.QualityResultsRecordedEvent;
import org.meshgov.quality.QualityResultsRecordedEvent.RecordedResult;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known sequence of events, fed to the metrics projection with the timestamps the log would carry,
 * and every figure of the two weeks from Monday 5 March 2001 checked by hand. The window lies where
 * no other test writes, so the overview holds these events alone.
 */
@MeshgovSpringTest
class HealthMetricsProjectionTest {

    static final Instant T0 = Instant.parse("2001-03-05T00:00:00Z");
    static final Instant TO = T0.plus(days(14));
    static final long HOUR = 3600;
    static final long DAY = 24 * HOUR;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HealthMetricsQueries queries;

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AnnotationEventHandlerAdapter projection;
    String domain;
    String consumerA;
    String c1;
    String c2;
    String c3;
    String c4;
    String c5;

    @BeforeEach
    void setUp() {
        projection = new AnnotationEventHandlerAdapter(new MetricsProjection(jdbc,
                new MicrometerHealthMeters(registry, new DomainTags(100))));
        domain = "health-" + UUID.randomUUID().toString().substring(0, 8);
        consumerA = domain + "-consumer";
        c1 = domain + "-c1";
        c2 = domain + "-c2";
        c3 = domain + "-c3";
        c4 = domain + "-c4";
        c5 = domain + "-c5";
        feedTheSequence();
    }

    void feedTheSequence() {
        feed(Instant.parse("2001-03-01T00:00:00Z"), new DomainRegisteredEvent(domain, "Health", "", "o", "m", "admin"));
        feed(T0.plus(days(10)), new DomainRegisteredEvent(consumerA, "Consumer", "", "o", "m", "admin"));

        // c1: the owners approve after 4 hours
        feed(T0.plus(hours(1)), proposed(c1, 1, false, false));
        feed(T0.plus(hours(5)), decided(c1, 1, ReviewStage.OWNER, ReviewDecision.APPROVE, "olivia"));
        feed(T0.plus(hours(5)), published(c1, 1));
        // c2, breaking: changes requested after a day, revised a day later, owners approve 2 hours later,
        // governance overruns its SLA (escalated) and approves after 4 days
        feed(T0.plus(hours(2)), proposed(c2, 1, false, true));
        feed(T0.plus(days(1)).plus(hours(2)),
                decided(c2, 1, ReviewStage.OWNER, ReviewDecision.REQUEST_CHANGES, "olivia"));
        feed(T0.plus(days(2)).plus(hours(2)), proposed(c2, 2, false, true));
        feed(T0.plus(days(2)).plus(hours(4)), decided(c2, 2, ReviewStage.OWNER, ReviewDecision.APPROVE, "oscar"));
        feed(T0.plus(days(5)).plus(hours(4)), new ContractReviewEscalatedEvent(c2, "1.0.0", 2, ReviewStage.GOVERNANCE,
                "governance", "system:review-sla-timer"));
        feed(T0.plus(days(6)).plus(hours(4)), decided(c2, 2, ReviewStage.GOVERNANCE, ReviewDecision.APPROVE, "greta"));
        feed(T0.plus(days(6)).plus(hours(4)), published(c2, 2));
        // c5: cosmetic, published automatically a minute later
        feed(T0.plus(days(3)), proposed(c5, 1, true, false));
        feed(T0.plus(days(3)).plus(Duration.ofMinutes(1)), published(c5, 1));
        // c3: waits for its owners past the SLA, never escalated; c4: withdrawn after a day
        feed(T0.plus(days(8)), proposed(c3, 1, false, false));
        feed(T0.plus(days(9)), proposed(c4, 1, false, false));
        feed(T0.plus(days(10)), new ContractProposalWithdrawnEvent(c4, "1.0.0", 1, "not needed", "mike"));

        // quality of c1 1.0.0: one run a week, and one before the window
        feed(T0.plus(days(1)), quality(c1, "r0", Instant.parse("2001-02-01T00:00:00Z"),
                new RecordedResult("a", "error", false, null, null)));
        feed(T0.plus(days(1)), quality(c1, "r1", T0.plus(days(1)), new RecordedResult("a", "error", true, null, null),
                new RecordedResult("b", "warning", false, null, null)));
        feed(T0.plus(days(8)), quality(c1, "r2", T0.plus(days(8)),
                new RecordedResult("a", "error", false, null, null),
                new RecordedResult("b", "warning", true, null, null),
                new RecordedResult("c", "info", true, null, null)));

        // incidents on c1
        feed(Instant.parse("2001-02-01T00:00:00Z"), raised("i0", IncidentKind.OTHER, IncidentSeverity.SEV3));
        feed(T0.plus(days(1)), raised("i1", IncidentKind.QUALITY, IncidentSeverity.SEV2));
        feed(T0.plus(days(1)).plus(Duration.ofMinutes(30)), new IncidentAcknowledgedEvent(domain + "-i1",
                IncidentSeverity.SEV1, IncidentSeverity.SEV2, "mike", null, "olivia"));
        feed(T0.plus(days(2)), new IncidentResolvedEvent(domain + "-i1", c1, domain, null,
                ResolutionReason.FIXED_AT_SOURCE, "fixed", true, List.of(), "mike"));
        feed(T0.plus(days(3)), new IncidentClosedEvent(domain + "-i1", "mike"));
        feed(T0.plus(days(2)), raised("i2", IncidentKind.SCHEMA, IncidentSeverity.SEV3));
        feed(T0.plus(days(3)), new IncidentEscalatedEvent(domain + "-i2", IncidentSeverity.SEV3, T0.plus(days(3)),
                "governance"));
        feed(T0.plus(days(3)).plus(hours(2)), new IncidentAcknowledgedEvent(domain + "-i2", IncidentSeverity.SEV3,
                IncidentSeverity.SEV3, "mike", null, "olivia"));
        feed(T0.plus(days(10)), raised("i3", IncidentKind.OTHER, IncidentSeverity.SEV4));

        // deprecation of c1 1.0.0 (sunset moved later), and one of c5 cancelled the next day
        String deprecation = domain + "-d1";
        feed(T0.plus(days(4)), new ContractVersionDeprecatedEvent(c1, "1.0.0", deprecation, domain, 1, "old",
                T0.plus(days(100)), null, List.of(new Consumer("cons-a", "a"), new Consumer("cons-b", "b")), "olivia", null));
        feed(T0.plus(days(5)), new DeprecationAcknowledgedEvent(c1, "1.0.0", deprecation, "cons-a",
                LocalDate.parse("2001-05-01"), null, "anna"));
        feed(T0.plus(days(6)), new ConsumerMigratedEvent(c1, "1.0.0", deprecation, "cons-b", "moved", "bob"));
        feed(T0.plus(days(7)), new DeprecationConsumerAddedEvent(c1, "1.0.0", deprecation,
                new Consumer("cons-c", "c")));
        feed(T0.plus(days(8)), new DeprecationSunsetExtendedEvent(c1, "1.0.0", deprecation, T0.plus(days(100)),
                T0.plus(days(120)), "more time", "olivia"));
        feed(T0.plus(days(9)), new ContractVersionDeprecatedEvent(c5, "1.0.0", domain + "-d2", domain, 1, "old",
                T0.plus(days(100)), null, List.of(), "olivia", null));
        feed(T0.plus(days(10)), new DeprecationCancelledEvent(c5, "1.0.0", domain + "-d2", "kept", "olivia"));

        // access to the domain's contracts
        request("r1", c1, "cons-a", T0.plus(days(1)));
        feed(T0.plus(days(2)), granted("r1", c1, "cons-a", T0.plus(days(30)), null));
        request("r2", c1, "cons-b", T0.plus(days(1)));
        feed(T0.plus(days(1)).plus(hours(12)),
                new AccessDeniedEvent(domain + "-r2", ApprovalRole.OWNER, "no", "olivia"));
        request("r3", c1, "cons-c", T0.plus(days(3)));
        feed(T0.plus(days(5)), granted("r3", c1, "cons-c", T0.plus(days(200)), null));
        request("r4", c2, domain, T0.plus(days(3)));
        feed(T0.plus(days(3)), granted("r4", c2, domain, T0.plus(days(300)), "own contract"));
        request("r5", c1, "cons-a", T0.plus(days(12)));
        feed(T0.plus(days(13)), new AccessRequestEscalatedEvent(domain + "-r5", "governance", "system:timer"));
        request("r6", c1, "cons-b", T0.plus(days(2)));
        feed(T0.plus(days(4)), granted("r6", c1, "cons-b", T0.plus(days(200)), null));
        feed(T0.plus(days(6)), new AccessRevokedEvent(domain + "-r6", c1, 1, "cons-b", "misuse", "olivia"));
    }

    @AfterEach
    void forgetTheSequence() {
        for (String table : List.of("metric_contract_version", "metric_review_stage", "metric_quality_result",
                "metric_incident", "metric_deprecation")) {
            jdbc.update("DELETE FROM " + table + " WHERE domain = ?", domain);
        }
        jdbc.update("DELETE FROM metric_deprecation_consumer WHERE deprecation_id LIKE ?", domain + "-%");
        jdbc.update("DELETE FROM metric_access_request WHERE owning_domain = ?", domain);
        jdbc.update("DELETE FROM metric_domain WHERE domain_id IN (?, ?)", domain, consumerA);
    }

    @Test
    void reviews() {
        Reviews reviews = queries.domain(domain, T0, TO).reviews();

        // published after 1 minute, 4 hours and 6 days 2 hours
        assertThat(reviews.timeToPublish()).isEqualTo(new DurationSummary(3, 4.0 * HOUR, 6.0 * DAY + 2 * HOUR,
                6.0 * DAY + 2 * HOUR));
        // owners: 2 h (c2 rev 2), 4 h (c1), 1 day (c2 rev 1), 1 day (c4, withdrawn)
        assertThat(reviews.stages()).containsExactly(
                Map.entry("OWNER", new DurationSummary(4, 4.0 * HOUR, 1.0 * DAY, 1.0 * DAY)),
                Map.entry("GOVERNANCE", new DurationSummary(1, 4.0 * DAY, 4.0 * DAY, 4.0 * DAY)),
                Map.entry("CHANGES_REQUESTED", new DurationSummary(1, 1.0 * DAY, 1.0 * DAY, 1.0 * DAY)));
        // c2 at governance and c3 at its owners overran the 3-day SLA; only c2 was escalated
        assertThat(reviews.slaBreaches()).isEqualTo(2);
        assertThat(reviews.escalations()).isEqualTo(1);
        assertThat(reviews.decisionsByReviewer()).containsExactly(new ReviewerDecisions("olivia", 1, 1, 0, 2),
                new ReviewerDecisions("greta", 1, 0, 0, 1), new ReviewerDecisions("oscar", 1, 0, 0, 1));
        assertThat(reviews.inReview()).isEqualTo(1);
        assertThat(reviews.openReviews()).singleElement().satisfies(open -> {
            assertThat(open.contractId()).isEqualTo(c3);
            assertThat(open.stage()).isEqualTo("OWNER");
            assertThat(open.waitingSeconds()).isEqualTo(6.0 * DAY);
        });
        assertThat(reviews.publishedPerWeek()).containsExactly(new WeeklyCount("2001-03-05", 3),
                new WeeklyCount("2001-03-12", 0));
    }

    @Test
    void aNarrowerWindowCountsOnlyWhatEndedInIt() {
        // the first week: c3 is not proposed yet, c4 not withdrawn; c2's governance SLA ran out on day 5
        Reviews firstWeek = queries.domain(domain, T0, T0.plus(days(7))).reviews();

        assertThat(firstWeek.stages().get("OWNER")).isEqualTo(new DurationSummary(3, 4.0 * HOUR, 1.0 * DAY,
                1.0 * DAY));
        assertThat(firstWeek.slaBreaches()).isEqualTo(1);
        assertThat(firstWeek.inReview()).isZero();
        // at the end of day 3, c2 waited for governance since day 2 + 2 hours
        Reviews midWeek = queries.domain(domain, T0, T0.plus(days(3))).reviews();
        assertThat(midWeek.timeToPublish()).isEqualTo(new DurationSummary(1, 4.0 * HOUR, 4.0 * HOUR, 4.0 * HOUR));
        assertThat(midWeek.openReviews()).singleElement().satisfies(open -> {
            assertThat(open.contractId()).isEqualTo(c2);
            assertThat(open.stage()).isEqualTo("GOVERNANCE");
            assertThat(open.waitingSeconds()).isEqualTo(1.0 * DAY - 4 * HOUR);
        });
    }

    @Test
    void quality() {
        Quality quality = queries.domain(domain, T0, TO).quality();

        // weights: error 3, warning 2, info 1; run r1: a passed, b failed; run r2: a failed, b and c passed
        assertThat(quality.runs()).isEqualTo(2);
        assertThat(quality.passed()).isEqualTo(3);
        assertThat(quality.total()).isEqualTo(5);
        assertThat(quality.compliance()).isEqualTo(0.6);
        assertThat(quality.score()).isEqualTo(100.0 * 6 / 11);
        assertThat(quality.byVersion()).containsExactly(new VersionQuality(c1, "1.0.0", domain, 2, 3, 5, 0.6,
                100.0 * 6 / 11));
        assertThat(quality.weekly()).containsExactly(new WeeklyQuality("2001-03-05", 1, 2, 0.5, 60.0),
                new WeeklyQuality("2001-03-12", 2, 3, 2.0 / 3, 50.0));
        assertThat(queries.contract(c1, T0, TO).qualityByVersion()).singleElement()
                .satisfies(trend -> assertThat(trend.weekly()).isEqualTo(quality.weekly()));
    }

    @Test
    void incidents() {
        Incidents incidents = queries.domain(domain, T0, TO).incidents();

        // by their latest severity: i1 was raised SEV2 and triaged to SEV1
        assertThat(incidents.raised()).isEqualTo(3);
        assertThat(incidents.raisedBySeverity()).containsExactly(Map.entry("SEV1", 1), Map.entry("SEV2", 0),
                Map.entry("SEV3", 1), Map.entry("SEV4", 1));
        assertThat(incidents.raisedByKind()).containsExactly(Map.entry("QUALITY", 1), Map.entry("FRESHNESS", 0),
                Map.entry("SCHEMA", 1), Map.entry("AVAILABILITY", 0), Map.entry("ACCESS", 0), Map.entry("OTHER", 1));
        assertThat(incidents.weekly()).extracting(WeeklyIncidents::week, w -> w.bySeverity().get("SEV1"),
                        w -> w.bySeverity().get("SEV3"), w -> w.bySeverity().get("SEV4"), w -> w.byKind().get("OTHER"))
                .containsExactly(tuple("2001-03-05", 1, 1, 0, 0),
                        tuple("2001-03-12", 0, 0, 1, 1));
        // acknowledged after 30 minutes and after 1 day 2 hours; resolved after 1 day
        assertThat(incidents.timeToAcknowledge()).isEqualTo(new DurationSummary(2, 1800.0, 1.0 * DAY + 2 * HOUR,
                1.0 * DAY + 2 * HOUR));
        assertThat(incidents.timeToResolve()).isEqualTo(new DurationSummary(1, 1.0 * DAY, 1.0 * DAY, 1.0 * DAY));
        assertThat(incidents.escalations()).isEqualTo(1);
        // open at the end: i0 (46 days old), i2 (12 days), i3 (4 days)
        assertThat(incidents.open()).isEqualTo(3);
        assertThat(incidents.openBySeverity()).containsExactly(Map.entry("SEV1", 0), Map.entry("SEV2", 0),
                Map.entry("SEV3", 2), Map.entry("SEV4", 1));
        assertThat(incidents.openByAge()).containsExactly(Map.entry("under 1 day", 0), Map.entry("1 to 7 days", 1),
                Map.entry("7 to 30 days", 1), Map.entry("over 30 days", 1));
        assertThat(incidents.openIncidents()).extracting(IncidentFigures.OpenIncident::incidentId,
                        IncidentFigures.OpenIncident::acknowledged, IncidentFigures.OpenIncident::ageSeconds)
                .containsExactly(tuple(domain + "-i0", false, 46.0 * DAY),
                        tuple(domain + "-i2", true, 12.0 * DAY),
                        tuple(domain + "-i3", false, 4.0 * DAY));
    }

    @Test
    void deprecations() {
        Deprecations deprecations = queries.domain(domain, T0, TO).deprecations();

        // cons-a acknowledged, cons-b migrated without acknowledging, cons-c was added later and did neither
        assertThat(deprecations.open()).isEqualTo(1);
        assertThat(deprecations.consumersNotAcknowledged()).isEqualTo(1);
        assertThat(deprecations.consumersNotMigrated()).isEqualTo(2);
        OpenDeprecation open = deprecations.openDeprecations().get(0);
        assertThat(open.sunset()).isEqualTo(T0.plus(days(120)));
        assertThat(open.daysToSunset()).isEqualTo(106);
        assertThat(open.consumers()).isEqualTo(3);
        assertThat(open.notAcknowledged()).containsExactly("cons-c");
        assertThat(open.notMigrated()).containsExactly("cons-a", "cons-c");
        // before cons-c was added and before the cancellation, both deprecations were open
        Deprecations day7 = queries.domain(domain, T0, T0.plus(days(7))).deprecations();
        assertThat(day7.open()).isEqualTo(1);
        assertThat(day7.consumersNotMigrated()).isEqualTo(1);
        assertThat(queries.domain(domain, T0, T0.plus(days(9)).plusSeconds(1)).deprecations().open()).isEqualTo(2);
    }

    @Test
    void access() {
        Access access = queries.domain(domain, T0, TO).access();

        // decided after 12 hours (denied), 1 day, 2 days and 2 days; r4 was granted automatically
        assertThat(access.timeToDecision()).isEqualTo(new DurationSummary(4, 1.0 * DAY, 2.0 * DAY, 2.0 * DAY));
        assertThat(access.openRequests()).isEqualTo(1);
        assertThat(access.openRequestAge()).isEqualTo(new DurationSummary(1, 2.0 * DAY, 2.0 * DAY, 2.0 * DAY));
        assertThat(access.oldestOpenRequests()).singleElement().satisfies(open -> {
            assertThat(open.requestId()).isEqualTo(domain + "-r5");
            assertThat(open.escalated()).isTrue();
        });
        // r1, r3 and r4 in force (r6 was revoked); r1 ends within 30 days
        assertThat(access.activeGrants()).isEqualTo(3);
        assertThat(access.grantsExpiringWithin30Days()).isEqualTo(1);
        assertThat(access.expiringGrants()).containsExactly(new ExpiringGrant(domain + "-r1", c1, domain, "cons-a",
                T0.plus(days(30))));
        assertThat(access.escalations()).isEqualTo(1);
    }

    @Test
    void adoption() {
        Adoption adoption = queries.domain(domain, T0, TO).adoption();

        assertThat(adoption.domains()).isEqualTo(1);
        assertThat(adoption.publishedContracts()).isEqualTo(3);
        assertThat(adoption.consumersPerContract()).containsExactly(new ContractConsumers(c1, domain, 2),
                new ContractConsumers(c2, domain, 1), new ContractConsumers(c5, domain, 0));
        assertThat(adoption.weekly()).containsExactly(new WeeklyAdoption("2001-03-05", 1, 3, 3),
                new WeeklyAdoption("2001-03-12", 1, 3, 3));
    }

    @Test
    void theOverviewAddsEveryDomainAndOneLinePerDomain() {
        HealthMetrics overview = queries.overview(T0, TO);
        HealthMetrics ownDomain = queries.domain(domain, T0, TO);

        assertThat(overview.reviews()).isEqualTo(ownDomain.reviews());
        assertThat(overview.quality()).isEqualTo(ownDomain.quality());
        assertThat(overview.incidents()).isEqualTo(ownDomain.incidents());
        assertThat(overview.access()).isEqualTo(ownDomain.access());
        assertThat(overview.adoption().domains()).isEqualTo(2);
        assertThat(overview.adoption().weekly()).extracting(WeeklyAdoption::domains).containsExactly(1, 2);
        assertThat(overview.domains()).containsExactly(
                new DomainSummary(domain, 3, 1, 3, 1, 0.6, 4.0 * HOUR),
                new DomainSummary(consumerA, 0, 0, 0, 0, null, null));
    }

    @Test
    void metersSawEachDurationOnce() {
        assertThat(registry.get("meshgov.contract.time.to.publish").tag("domain", domain).timer().count())
                .isEqualTo(3);
        assertThat(registry.get("meshgov.contract.time.to.publish").tag("domain", domain).timer()
                .max(TimeUnit.SECONDS)).isEqualTo(6.0 * DAY + 2 * HOUR);
        assertThat(registry.get("meshgov.contract.review.stage").tag("stage", "OWNER").timer().count()).isEqualTo(4);
        assertThat(registry.get("meshgov.contract.review.decisions").tag("decision", "approve").counter().count())
                .isEqualTo(3);
        assertThat(registry.get("meshgov.incident.time.to.acknowledge").tag("severity", "SEV1").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(1800.0);
        assertThat(registry.get("meshgov.incidents.raised").tag("severity", "SEV2").tag("kind", "QUALITY")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("meshgov.access.time.to.decision").timer().count()).isEqualTo(4);
        assertThat(registry.get("meshgov.escalations").tag("kind", "review").counter().count()).isEqualTo(1);
        assertThat(registry.get("meshgov.escalations").tag("kind", "incident").counter().count()).isEqualTo(1);
        assertThat(registry.get("meshgov.escalations").tag("kind", "access").counter().count()).isEqualTo(1);
    }

    @Test
    void handlingTheSameEventsAgainChangesNoFigure() {
        HealthMetrics before = queries.domain(domain, T0, TO);
        long published = registry.get("meshgov.contract.time.to.publish").timer().count();

        feedTheSequence();

        assertThat(queries.domain(domain, T0, TO)).isEqualTo(before);
        assertThat(registry.get("meshgov.contract.time.to.publish").timer().count()).isEqualTo(published);
    }

    private void feed(Instant at, Object event) {
        try {
            projection.handle(new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.emptyInstance(),
                    at));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ContractVersionProposedEvent proposed(String contractId, int revision, boolean automatic,
                                                  boolean breaking) {
        return new ContractVersionProposedEvent(contractId, "1.0.0", revision, domain, contractId,
                JsonNodeFactory.instance.objectNode(), "hash", "http://doc", null,
                automatic ? ChangeLevel.COSMETIC : breaking ? ChangeLevel.BREAKING : ChangeLevel.INITIAL, List.of(),
                new ReviewPlan(automatic, automatic ? null : "owners", breaking), "mike", null);
    }

    private ContractReviewDecidedEvent decided(String contractId, int revision, ReviewStage stage,
                                               ReviewDecision decision, String reviewer) {
        return new ContractReviewDecidedEvent(contractId, "1.0.0", revision, stage, decision, "comment", "hash",
                reviewer);
    }

    private ContractVersionPublishedEvent published(String contractId, int revision) {
        return new ContractVersionPublishedEvent(contractId, "1.0.0", revision, domain, "hash", List.of(), null);
    }

    private QualityResultsRecordedEvent quality(String contractId, String runId, Instant runAt,
                                                RecordedResult... results) {
        return new QualityResultsRecordedEvent(contractId, "1.0.0", domain, runId, runAt, List.of(results), "mike", null);
    }

    private IncidentRaisedEvent raised(String id, IncidentKind kind, IncidentSeverity severity) {
        return new IncidentRaisedEvent(domain + "-" + id, c1, "1.0.0", domain, "owners", kind, severity, "broken " + id,
                "details", null, null, List.of(), null, "mike", null);
    }

    private void request(String id, String contractId, String consumer, Instant at) {
        feed(at, new AccessRequestedEvent(domain + "-" + id, contractId, 1, "1.0.0", domain, "owners", consumer,
                consumer + "-owners", "a purpose long enough", List.of(), List.of(), at.plus(days(365)),
                List.of(ApprovalRole.OWNER), null, "mia", null));
    }

    private AccessGrantedEvent granted(String id, String contractId, String consumer, Instant until,
                                       String automaticReason) {
        return new AccessGrantedEvent(domain + "-" + id, contractId, 1, consumer, List.of(), until, List.of("olivia"),
                automaticReason);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
