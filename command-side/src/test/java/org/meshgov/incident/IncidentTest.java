package org.meshgov.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.access.PublishedContracts;
import org.meshgov.deprecation.ActiveGrants;
import org.meshgov.deprecation.Consumer;
import org.meshgov.domain.InMemoryDomainDirectory;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyRules;
import org.meshgov.policy.PolicyViolationException;
import org.meshgov.policy.TestPolicies;

class IncidentTest {

    static final PolicyEvaluation NO_FINDINGS = new PolicyEvaluation(0, OnboardingStage.PILOT, List.of());

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String ID = "inc-1";
    static final String CONTRACT = "orders-placed";
    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");
    static final Actor MIKE = Actor.of("mike", "orders-members");
    static final Actor MIA = Actor.of("mia", "marketing-members");
    static final Actor SID = Actor.of("sid", "shipping-members");
    static final Actor GRETA = Actor.of("greta", GlobalGroups.GOVERNANCE_REVIEWERS);
    static final Actor TIMER = Actor.system("acknowledgement-sla");

    AggregateTestFixture<Incident> fixture;
    InMemoryDomainDirectory directory;
    PolicyRules policies = TestPolicies.NONE;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        directory = new InMemoryDomainDirectory()
                .withDomain("orders", Set.of("olivia")).withMembers("orders", Set.of("mike"))
                .withDomain("marketing", Set.of("oscar")).withMembers("marketing", Set.of("mia"))
                .withDomain("shipping", Set.of("sam")).withMembers("shipping", Set.of("sid"));
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new PublishedContracts() {
            @Override
            public Optional<PublishedVersion> latestInMajor(String contractId, long major) {
                return Optional.empty();
            }

            @Override
            public Optional<PublishedVersion> latest(String contractId) {
                return version(contractId, "1.1.0");
            }

            @Override
            public Optional<PublishedVersion> version(String contractId, String version) {
                return CONTRACT.equals(contractId) && Set.of("1.0.0", "1.1.0").contains(version)
                        ? Optional.of(new PublishedVersion(contractId, version, "orders", null, false))
                        : Optional.empty();
            }
        });
        fixture.registerInjectableResource((ActiveGrants) (contractId, major) -> CONTRACT.equals(contractId)
                ? List.of(new Consumer("marketing", "marketing-owners"), new Consumer("orders", "orders-owners"))
                : List.of());
        fixture.registerInjectableResource(AcknowledgementSla.defaults());
        fixture.registerInjectableResource(new QualityIncidentSeverity(IncidentSeverity.SEV3));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ActivePolicies) () -> policies);
    }

    static RaiseIncidentCommand raise(IncidentSeverity severity, Actor actor) {
        return new RaiseIncidentCommand(ID, CONTRACT, "1.0.0", IncidentKind.FRESHNESS, severity,
                "Orders are six hours late", "The nightly load did not run", actor);
    }

    static IncidentRaisedEvent raised(IncidentSeverity severity) {
        return new IncidentRaisedEvent(ID, CONTRACT, "1.0.0", "orders", "orders-owners", IncidentKind.FRESHNESS,
                severity, "Orders are six hours late", "The nightly load did not run", null, null,
                List.of("marketing"), NOW.plus(Duration.ofMinutes(15)), "olivia", NO_FINDINGS);
    }

    static IncidentRaisedEvent qualityRaised() {
        return new IncidentRaisedEvent(ID, CONTRACT, "1.0.0", "orders", "orders-owners", IncidentKind.QUALITY,
                IncidentSeverity.SEV3, "Quality rule total_positive failed on orders-placed 1.0.0",
                "Run run-1 at " + NOW + " failed rule total_positive (measured 3.0): 3 negative totals",
                "total_positive", "run-1", List.of("marketing"), Instant.parse("2026-11-26T10:00:00Z"),
                "orders-pipeline", null);
    }

    static IncidentAcknowledgedEvent acknowledged(IncidentSeverity severity) {
        return new IncidentAcknowledgedEvent(ID, severity, severity, "mike", null, "olivia");
    }

    static IncidentResolvedEvent resolved(ResolutionReason reason, boolean postmortem) {
        return new IncidentResolvedEvent(ID, CONTRACT, "orders", null, reason, "Re-ran the load",
                postmortem, List.of("marketing"), "mike");
    }

    static Matcher<?> violationAt(String path) {
        return Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                && violation.violations().stream().anyMatch(v -> v.path().equals(path)));
    }

    static Matcher<?> illegalTransition(String rule) {
        return Matchers.predicate(e -> e instanceof IllegalTransitionException violation
                && violation.violations().stream().anyMatch(v -> v.rule().equals(rule)));
    }

    @Test
    void anOwnerRaisesAnIncidentThatNamesTheConsumersToTellAndItsAcknowledgementTime() {
        fixture.givenNoPriorActivity()
                .when(raise(IncidentSeverity.SEV1, OLIVIA))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new IncidentRaised(ID, List.of(), NO_FINDINGS))
                .expectEvents(raised(IncidentSeverity.SEV1));
    }

    @Test
    void aMemberOfAConsumerDomainMayRaiseAnIncident() {
        fixture.givenNoPriorActivity()
                .when(raise(IncidentSeverity.SEV4, MIA))
                .expectEvents(new IncidentRaisedEvent(ID, CONTRACT, "1.0.0", "orders", "orders-owners",
                        IncidentKind.FRESHNESS, IncidentSeverity.SEV4, "Orders are six hours late",
                        "The nightly load did not run", null, null, List.of("marketing"),
                        NOW.plus(Duration.ofDays(3)), "mia", NO_FINDINGS));
    }

    @Test
    void aDomainWithoutAccessMayNotRaiseAnIncidentOnTheContract() {
        fixture.givenNoPriorActivity()
                .when(raise(IncidentSeverity.SEV2, SID))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anIncidentWithoutAVersionConcernsTheLatestPublishedVersion() {
        fixture.givenNoPriorActivity()
                .when(new RaiseIncidentCommand(ID, CONTRACT, null, IncidentKind.SCHEMA, IncidentSeverity.SEV2,
                        "Column dropped", "customer_id is gone", MIKE))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof IncidentRaisedEvent raised
                                && raised.version().equals("1.1.0")
                                && raised.acknowledgeBy().equals(NOW.plus(Duration.ofHours(1)))),
                        Matchers.andNoMore())));
    }

    @Test
    void anIncidentOnAVersionThatWasNeverPublishedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RaiseIncidentCommand(ID, CONTRACT, "9.0.0", IncidentKind.OTHER, IncidentSeverity.SEV3,
                        "t", "d", OLIVIA))
                .expectException(violationAt("$.version"))
                .expectNoEvents();
    }

    @Test
    void anIncidentWithoutKindSeverityOrTitleIsRefusedWithEveryViolation() {
        fixture.givenNoPriorActivity()
                .when(new RaiseIncidentCommand(ID, CONTRACT, "1.0.0", null, null, " ", "d", OLIVIA))
                .expectException(Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                        && violation.violations().stream().map(v -> v.path()).toList()
                        .containsAll(List.of("$.kind", "$.severity", "$.title"))))
                .expectNoEvents();
    }

    @Test
    void aFailedQualityRuleOpensAQualityIncidentInThePipelinesName() {
        fixture.givenNoPriorActivity()
                .when(new OpenQualityIncidentCommand(ID, CONTRACT, "1.0.0", "total_positive", "run-1", NOW, 3.0,
                        "3 negative totals", "orders-pipeline", Actor.system("quality-incidents")))
                .expectEvents(qualityRaised());
    }

    @Test
    void aLaterFailureOfTheRuleAttachesToTheOpenIncident() {
        Instant later = NOW.plus(Duration.ofHours(1));
        fixture.given(qualityRaised())
                .when(new AttachQualityFailureCommand(ID, "1.0.0", "run-2", later, 4.0, null,
                        Actor.system("quality-incidents")))
                .expectEvents(new QualityFailureAttachedEvent(ID, CONTRACT, "total_positive", "1.0.0", "run-2",
                        later, 4.0, null));
    }

    @Test
    void aRedeliveredRunAttachesOnlyOnce() {
        fixture.given(qualityRaised(), new QualityFailureAttachedEvent(ID, CONTRACT, "total_positive", "1.0.0",
                        "run-2", NOW, 4.0, null))
                .when(new AttachQualityFailureCommand(ID, "1.0.0", "run-2", NOW, 4.0, null,
                        Actor.system("quality-incidents")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPassingRunRecordsTheRecoveryAndLeavesTheIncidentOpenForPeople() {
        fixture.given(qualityRaised())
                .when(new RecordQualityRecoveryCommand(ID, "1.0.0", "run-3", NOW, 0.0,
                        Actor.system("quality-incidents")))
                .expectEvents(new QualityRecoveryRecordedEvent(ID, CONTRACT, "total_positive", "1.0.0", "run-3",
                        NOW, 0.0));
    }

    @Test
    void anOwnerAcknowledgesChangesTheSeverityAndAssignsAMember() {
        fixture.given(raised(IncidentSeverity.SEV3))
                .when(new AcknowledgeIncidentCommand(ID, IncidentSeverity.SEV2, "mike", "looking", OLIVIA))
                .expectEvents(new IncidentAcknowledgedEvent(ID, IncidentSeverity.SEV2, IncidentSeverity.SEV3,
                        "mike", "looking", "olivia"));
    }

    @Test
    void aMemberWhoIsNotAnOwnerCannotTriage() {
        fixture.given(raised(IncidentSeverity.SEV3))
                .when(new AcknowledgeIncidentCommand(ID, null, "mike", null, MIKE))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void theAssigneeMustBelongToTheOwningDomain() {
        fixture.given(raised(IncidentSeverity.SEV3))
                .when(new AcknowledgeIncidentCommand(ID, null, "mia", null, OLIVIA))
                .expectException(violationAt("$.assignee"))
                .expectNoEvents();
    }

    @Test
    void anIncidentIsAcknowledgedOnlyOnce() {
        fixture.given(raised(IncidentSeverity.SEV3), acknowledged(IncidentSeverity.SEV3))
                .when(new AcknowledgeIncidentCommand(ID, null, "mike", null, OLIVIA))
                .expectException(illegalTransition("acknowledged-once"))
                .expectNoEvents();
    }

    @Test
    void anUnacknowledgedIncidentEscalatesToTheGovernanceGroup() {
        fixture.given(raised(IncidentSeverity.SEV1))
                .when(new EscalateIncidentCommand(ID, TIMER))
                .expectEvents(new IncidentEscalatedEvent(ID, IncidentSeverity.SEV1,
                        NOW.plus(Duration.ofMinutes(15)), GlobalGroups.GOVERNANCE_REVIEWERS));
    }

    @Test
    void anIncidentAcknowledgedJustBeforeItsTimerFiresDoesNotEscalate() {
        fixture.given(raised(IncidentSeverity.SEV1), acknowledged(IncidentSeverity.SEV1))
                .when(new EscalateIncidentCommand(ID, TIMER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theGovernanceGroupMayTriageAnEscalatedIncident() {
        fixture.given(raised(IncidentSeverity.SEV1), new IncidentEscalatedEvent(ID, IncidentSeverity.SEV1,
                        NOW, GlobalGroups.GOVERNANCE_REVIEWERS))
                .when(new AcknowledgeIncidentCommand(ID, null, "olivia", null, GRETA))
                .expectEvents(new IncidentAcknowledgedEvent(ID, IncidentSeverity.SEV1, IncidentSeverity.SEV1,
                        "olivia", null, "greta"));
    }

    @Test
    void theGovernanceGroupDoesNotTriageAnIncidentThatWasNotEscalated() {
        fixture.given(raised(IncidentSeverity.SEV1))
                .when(new AcknowledgeIncidentCommand(ID, null, "olivia", null, GRETA))
                .expectException(NotAllowedException.class);
    }

    @Test
    void anIncidentCannotBeResolvedBeforeItIsAcknowledged() {
        fixture.given(raised(IncidentSeverity.SEV3))
                .when(new ResolveIncidentCommand(ID, ResolutionReason.FIXED_AT_SOURCE, "fixed", OLIVIA))
                .expectException(illegalTransition("acknowledge-before-resolve"))
                .expectNoEvents();
    }

    @Test
    void theAssigneeResolvesAndTheConsumersAreToldAgain() {
        fixture.given(raised(IncidentSeverity.SEV3), acknowledged(IncidentSeverity.SEV3))
                .when(new ResolveIncidentCommand(ID, ResolutionReason.FIXED_AT_SOURCE, "Re-ran the load", MIKE))
                .expectResultMessagePayload(new IncidentResolution(ID, false))
                .expectEvents(resolved(ResolutionReason.FIXED_AT_SOURCE, false));
    }

    @Test
    void someoneOfAnotherDomainCannotResolve() {
        fixture.given(raised(IncidentSeverity.SEV3), acknowledged(IncidentSeverity.SEV3))
                .when(new ResolveIncidentCommand(ID, ResolutionReason.FIXED_AT_SOURCE, "done", MIA))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aResolutionNeedsAReasonAndAComment() {
        fixture.given(raised(IncidentSeverity.SEV3), acknowledged(IncidentSeverity.SEV3))
                .when(new ResolveIncidentCommand(ID, null, "", MIKE))
                .expectException(Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                        && violation.violations().size() == 2))
                .expectNoEvents();
    }

    @Test
    void aSev1ResolutionOwesAPostmortem() {
        fixture.given(raised(IncidentSeverity.SEV1), acknowledged(IncidentSeverity.SEV1))
                .when(new ResolveIncidentCommand(ID, ResolutionReason.UPSTREAM, "Re-ran the load", MIKE))
                .expectResultMessagePayload(new IncidentResolution(ID, true))
                .expectEvents(resolved(ResolutionReason.UPSTREAM, true));
    }

    @Test
    void aFalsePositiveOwesNoPostmortemEvenAtSev1() {
        fixture.given(raised(IncidentSeverity.SEV1), acknowledged(IncidentSeverity.SEV1))
                .when(new ResolveIncidentCommand(ID, ResolutionReason.FALSE_POSITIVE, "Re-ran the load", MIKE))
                .expectEvents(resolved(ResolutionReason.FALSE_POSITIVE, false));
    }

    @Test
    void aSev1IncidentDoesNotCloseWithoutItsPostmortem() {
        fixture.given(raised(IncidentSeverity.SEV1), acknowledged(IncidentSeverity.SEV1),
                        resolved(ResolutionReason.UPSTREAM, true))
                .when(new CloseIncidentCommand(ID, MIKE))
                .expectException(illegalTransition("postmortem-before-close"))
                .expectNoEvents();
    }

    @Test
    void aSev1IncidentClosesOnceItsPostmortemIsRecorded() {
        fixture.given(raised(IncidentSeverity.SEV1), acknowledged(IncidentSeverity.SEV1),
                        resolved(ResolutionReason.UPSTREAM, true),
                        new PostmortemRecordedEvent(ID, "https://wiki/pm/1", "mike"))
                .when(new CloseIncidentCommand(ID, Actor.system("incident-process")))
                .expectEvents(new IncidentClosedEvent(ID, "system:incident-process"));
    }

    @Test
    void theAssigneeRecordsThePostmortemOfAResolvedIncident() {
        fixture.given(raised(IncidentSeverity.SEV1), acknowledged(IncidentSeverity.SEV1),
                        resolved(ResolutionReason.UPSTREAM, true))
                .when(new RecordPostmortemCommand(ID, " https://wiki/pm/1 ", MIKE))
                .expectEvents(new PostmortemRecordedEvent(ID, "https://wiki/pm/1", "mike"));
    }

    @Test
    void aPostmortemBeforeTheResolutionIsAnIllegalTransition() {
        fixture.given(raised(IncidentSeverity.SEV1), acknowledged(IncidentSeverity.SEV1))
                .when(new RecordPostmortemCommand(ID, "too early", MIKE))
                .expectException(illegalTransition("postmortem-after-resolution"))
                .expectNoEvents();
    }

    @Test
    void anOpenIncidentCannotBeClosed() {
        fixture.given(raised(IncidentSeverity.SEV3), acknowledged(IncidentSeverity.SEV3))
                .when(new CloseIncidentCommand(ID, OLIVIA))
                .expectException(illegalTransition("close-after-resolution"))
                .expectNoEvents();
    }

    @Test
    void aClosedIncidentTakesNoMoreQualityFailures() {
        fixture.given(qualityRaised(), new IncidentAcknowledgedEvent(ID, IncidentSeverity.SEV3,
                        IncidentSeverity.SEV3, "mike", null, "olivia"), resolved(ResolutionReason.OTHER, false),
                        new IncidentClosedEvent(ID, "mike"))
                .when(new AttachQualityFailureCommand(ID, "1.0.0", "run-9", NOW, 1.0, null,
                        Actor.system("quality-incidents")))
                .expectException(illegalTransition("incident-open"))
                .expectNoEvents();
    }

    @Test
    void aTerseSevereIncidentIsRaisedWithAWarningForAPilotAndRefusedForAFederatedDomain() {
        policies = TestPolicies.SHIPPED_DEFAULT;
        fixture.givenNoPriorActivity()
                .when(raise(IncidentSeverity.SEV1, OLIVIA))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof IncidentRaised raised
                        && raised.warnings().equals(List.of("incident-description-for-severe: describe a SEV1 or"
                        + " SEV2 incident in at least 40 characters"))));
        directory.atStage("orders", OnboardingStage.FEDERATED);
        fixture.givenNoPriorActivity()
                .when(raise(IncidentSeverity.SEV1, OLIVIA))
                .expectException(PolicyViolationException.class)
                .expectNoEvents();
    }
}
