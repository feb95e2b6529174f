package org.meshgov.contract;

import static org.meshgov.contract.ContractDocuments.ordersV1;
import static org.meshgov.contract.ContractDocuments.withoutProperty;
import static org.meshgov.contract.ContractTest.ID;
import static org.meshgov.contract.ContractTest.MIKE;
import static org.meshgov.contract.ContractTest.NOW;
import static org.meshgov.contract.ContractTest.OLIVIA;
import static org.meshgov.contract.ContractTest.OWNERS_AND_GOVERNANCE;
import static org.meshgov.contract.ContractTest.GRETA;
import static org.meshgov.contract.ContractTest.firstVersionProposedByMike;
import static org.meshgov.contract.ContractTest.firstVersionPublished;
import static org.meshgov.contract.ContractTest.proposed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.validation.ContentHash;
import org.meshgov.deprecation.ActiveGrants;
import org.meshgov.deprecation.AddDeprecationConsumerCommand;
import org.meshgov.deprecation.CancelDeprecationCommand;
import org.meshgov.deprecation.ConfirmMigrationCommand;
import org.meshgov.deprecation.Consumer;
import org.meshgov.deprecation.ConsumerMigratedEvent;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.ContractVersionRetiredEvent;
import org.meshgov.deprecation.DeprecateContractVersionCommand;
import org.meshgov.deprecation.DeprecationAcknowledgedEvent;
import org.meshgov.deprecation.DeprecationCancelledEvent;
import org.meshgov.deprecation.DeprecationConsumerAddedEvent;
import org.meshgov.deprecation.DeprecationObjectedEvent;
import org.meshgov.deprecation.DeprecationOpened;
import org.meshgov.deprecation.DeprecationPolicy;
import org.meshgov.deprecation.DeprecationRemindersSentEvent;
import org.meshgov.deprecation.DeprecationResponse;
import org.meshgov.deprecation.DeprecationSunsetExtendedEvent;
import org.meshgov.deprecation.ExtendSunsetCommand;
import org.meshgov.deprecation.ReachSunsetCommand;
import org.meshgov.deprecation.ReminderKind;
import org.meshgov.deprecation.RemindDeprecationConsumersCommand;
import org.meshgov.deprecation.RespondToDeprecationCommand;
import org.meshgov.deprecation.RetireContractVersionCommand;
import org.meshgov.deprecation.SunsetDecisionRequiredEvent;
import org.meshgov.domain.InMemoryDomainDirectory;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyRules;
import org.meshgov.policy.PolicyViolationException;
import org.meshgov.policy.TestPolicies;

class ContractDeprecationTest {

    static final Instant SUNSET = NOW.plus(Duration.ofDays(120));
    static final Consumer MARKETING = new Consumer("marketing", "marketing-owners");
    static final Consumer FINANCE = new Consumer("finance", "finance-owners");
    static final Actor OSCAR = Actor.of("oscar", "marketing-owners");
    static final Actor SYSTEM = Actor.system("test");
    static final String DEPRECATION = "d-1";

    AggregateTestFixture<Contract> fixture;
    InMemoryDomainDirectory directory;
    PolicyRules policies = TestPolicies.NONE;
    final List<Consumer> consumers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        directory = new InMemoryDomainDirectory()
                .withDomain("orders", Set.of("olivia", "omar"))
                .withDomain("marketing", Set.of("oscar"));
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new ContractDocumentRules());
        fixture.registerInjectableResource((ActiveGrants) (contract, major) -> List.copyOf(consumers));
        fixture.registerInjectableResource(DeprecationPolicy.defaults());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ActivePolicies) () -> policies);
    }

    static DeprecateContractVersionCommand deprecate(Instant sunset, String replacement, Actor actor) {
        return new DeprecateContractVersionCommand(ID, "1.0.0", "moving to the event-based feed", sunset,
                replacement, actor);
    }

    static ContractVersionDeprecatedEvent deprecated(List<Consumer> consumers) {
        return new ContractVersionDeprecatedEvent(ID, "1.0.0", DEPRECATION, "orders", 1, "moving to the event-based feed",
                SUNSET, null, consumers, "olivia", null);
    }

    static Object[] publishedAndDeprecated(Consumer... consumers) {
        return new Object[] {firstVersionProposedByMike(), firstVersionPublished(), deprecated(List.of(consumers))};
    }

    static org.hamcrest.Matcher<?> violationOf(String rule) {
        return Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                && violation.violations().stream().anyMatch(v -> v.rule().equals(rule)));
    }

    @Nested
    class Raising {

        @Test
        void anOwnerDeprecatesAPublishedVersionAndItsConsumersAreListed() {
            consumers.add(MARKETING);
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(SUNSET, null, OLIVIA))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.predicate(
                            p -> p instanceof ContractVersionDeprecatedEvent e && e.consumers().equals(
                                    List.of(MARKETING)) && e.sunset().equals(SUNSET))), Matchers.andNoMore()));
        }

        @Test
        void aMemberCannotDeprecate() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(SUNSET, null, MIKE))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aVersionStillInReviewCannotBeDeprecated() {
            fixture.given(firstVersionProposedByMike())
                    .when(deprecate(SUNSET, null, OLIVIA))
                    .expectException(violationOf("illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void aDeprecatedVersionIsNotDeprecatedTwice() {
            fixture.given(publishedAndDeprecated())
                    .when(deprecate(SUNSET, null, OLIVIA))
                    .expectException(violationOf("already-deprecated"))
                    .expectNoEvents();
        }

        @Test
        void withoutConsumersTheSunsetIsAtLeastThirtyDaysAway() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(NOW.plus(Duration.ofDays(29)), null, OLIVIA))
                    .expectException(violationOf("minimum-notice"))
                    .expectNoEvents();
        }

        @Test
        void withConsumersTheSunsetIsAtLeastNinetyDaysAway() {
            consumers.add(MARKETING);
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(NOW.plus(Duration.ofDays(60)), null, OLIVIA))
                    .expectException(violationOf("minimum-notice"))
                    .expectNoEvents();
        }

        @Test
        void theReplacementMustBeAPublishedLaterVersion() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(SUNSET, "3.0.0", OLIVIA))
                    .expectException(violationOf("replacement-published"))
                    .expectNoEvents();
        }

        @Test
        void publishingANewMajorDeprecatesThePreviousOneByItself() {
            consumers.add(MARKETING);
            JsonNode v2 = withoutProperty(ordersV1(), "2.0.0", "placed_at");
            fixture.given(firstVersionProposedByMike(), firstVersionPublished(),
                            proposed(v2, 1, ChangeLevel.BREAKING, OWNERS_AND_GOVERNANCE, "1.0.0", "mike"),
                            new ContractReviewDecidedEvent(ID, "2.0.0", 1, ReviewStage.OWNER, ReviewDecision.APPROVE,
                                    null, ContentHash.of(v2), "olivia"))
                    .when(new DecideContractReviewCommand(ID, "2.0.0", ReviewStage.GOVERNANCE, ReviewDecision.APPROVE,
                            null, null, GRETA))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(Matchers.exactSequenceOf(
                            Matchers.messageWithPayload(Matchers.predicate(p -> p instanceof ContractReviewDecidedEvent)),
                            Matchers.messageWithPayload(Matchers.predicate(p -> p instanceof ContractVersionPublishedEvent)),
                            Matchers.messageWithPayload(Matchers.predicate(p -> p instanceof ContractVersionDeprecatedEvent e
                                    && e.version().equals("1.0.0") && "2.0.0".equals(e.replacementVersion())
                                    && e.sunset().equals(NOW.plus(Duration.ofDays(90)))
                                    && e.deprecatedBy().equals("system:new-major"))),
                            Matchers.andNoMore()));
        }

        @Test
        void theOwnersCancelAnOpenDeprecationWithAReason() {
            fixture.given(publishedAndDeprecated())
                    .when(new CancelDeprecationCommand(ID, "1.0.0", "replacement delayed", OLIVIA))
                    .expectEvents(new DeprecationCancelledEvent(ID, "1.0.0", DEPRECATION, "replacement delayed",
                            "olivia"));
        }
    }

    @Nested
    class Responding {

        @Test
        void aConsumerAcknowledgesWithAMigrationDateBeforeTheSunset() {
            LocalDate planned = LocalDate.of(2027, 2, 1);
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new RespondToDeprecationCommand(ID, "1.0.0", "marketing", DeprecationResponse.ACKNOWLEDGE,
                            planned, "on it", OSCAR))
                    .expectEvents(new DeprecationAcknowledgedEvent(ID, "1.0.0", DEPRECATION, "marketing", planned,
                            "on it", "oscar"));
        }

        @Test
        void aMigrationPlannedAfterTheSunsetIsRefused() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new RespondToDeprecationCommand(ID, "1.0.0", "marketing", DeprecationResponse.ACKNOWLEDGE,
                            LocalDate.of(2027, 12, 31), null, OSCAR))
                    .expectException(violationOf("migration-before-sunset"))
                    .expectNoEvents();
        }

        @Test
        void aConsumerObjectsWithAReason() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new RespondToDeprecationCommand(ID, "1.0.0", "marketing", DeprecationResponse.OBJECT, null,
                            "the new feed lacks channel", OSCAR))
                    .expectEvents(new DeprecationObjectedEvent(ID, "1.0.0", DEPRECATION, "marketing",
                            "the new feed lacks channel", "oscar"));
        }

        @Test
        void onlyTheConsumersOwnersAnswerForIt() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new RespondToDeprecationCommand(ID, "1.0.0", "marketing", DeprecationResponse.ACKNOWLEDGE,
                            LocalDate.of(2027, 2, 1), null, OLIVIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aDomainThatIsNoConsumerCannotRespond() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new RespondToDeprecationCommand(ID, "1.0.0", "finance", DeprecationResponse.ACKNOWLEDGE,
                            LocalDate.of(2027, 2, 1), null, Actor.of("fin", "finance-owners")))
                    .expectException(violationOf("deprecation-consumer"))
                    .expectNoEvents();
        }

        @Test
        void aConsumerGrantedWhileItRunsIsAdded() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new AddDeprecationConsumerCommand(ID, "1.0.0", FINANCE, SYSTEM))
                    .expectEvents(new DeprecationConsumerAddedEvent(ID, "1.0.0", DEPRECATION, FINANCE));
        }

        @Test
        void aConsumerWhoseGrantEndedHasMigrated() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new ConfirmMigrationCommand(ID, "1.0.0", "marketing", "grant ended", SYSTEM))
                    .expectEvents(new ConsumerMigratedEvent(ID, "1.0.0", DEPRECATION, "marketing", "grant ended",
                            "system:test"));
        }

        @Test
        void silentConsumersAreRemindedAndEscalated() {
            fixture.given(publishedAndDeprecated(MARKETING, FINANCE))
                    .andGiven(new DeprecationAcknowledgedEvent(ID, "1.0.0", DEPRECATION, "marketing",
                            LocalDate.of(2027, 2, 1), null, "oscar"))
                    .when(new RemindDeprecationConsumersCommand(ID, "1.0.0", ReminderKind.FIRST, SYSTEM))
                    .expectEvents(new DeprecationRemindersSentEvent(ID, "1.0.0", DEPRECATION, ReminderKind.FIRST,
                            List.of("finance"), GlobalGroups.GOVERNANCE_REVIEWERS));
        }
    }

    @Nested
    class AtTheSunset {

        @Test
        void whenEveryConsumerIsReadyTheVersionIsRetired() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .andGiven(new ConsumerMigratedEvent(ID, "1.0.0", DEPRECATION, "marketing", "confirmed", "oscar"))
                    .when(new ReachSunsetCommand(ID, "1.0.0", SYSTEM))
                    .expectEvents(new ContractVersionRetiredEvent(ID, "1.0.0", DEPRECATION, 1, true,
                            "sunset reached and every consumer was ready", "system:test"));
        }

        @Test
        void whenSomeConsumerIsNotReadyOwnersAndGovernanceDecide() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new ReachSunsetCommand(ID, "1.0.0", SYSTEM))
                    .expectEvents(new SunsetDecisionRequiredEvent(ID, "1.0.0", DEPRECATION, List.of("marketing")));
        }

        @Test
        void governanceRetiresAnywayWithAReason() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new RetireContractVersionCommand(ID, "1.0.0", "consumer unresponsive for months", GRETA))
                    .expectEvents(new ContractVersionRetiredEvent(ID, "1.0.0", DEPRECATION, 1, true,
                            "consumer unresponsive for months", "greta"));
        }

        @Test
        void theOwnersExtendTheSunset() {
            Instant later = SUNSET.plus(Duration.ofDays(30));
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new ExtendSunsetCommand(ID, "1.0.0", later, "marketing needs a quarter", OLIVIA))
                    .expectEvents(new DeprecationSunsetExtendedEvent(ID, "1.0.0", DEPRECATION, SUNSET, later,
                            "marketing needs a quarter", "olivia"));
        }

        @Test
        void aSunsetCannotBeBroughtForward() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new ExtendSunsetCommand(ID, "1.0.0", SUNSET.minus(Duration.ofDays(1)), "sooner", OLIVIA))
                    .expectException(violationOf("sunset-extended"))
                    .expectNoEvents();
        }

        @Test
        void aConsumerCannotRetireTheVersion() {
            fixture.given(publishedAndDeprecated(MARKETING))
                    .when(new RetireContractVersionCommand(ID, "1.0.0", "we are done", OSCAR))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class JudgedByThePolicySet {

        static final Instant IN_100_DAYS = NOW.plus(Duration.ofDays(100));

        @BeforeEach
        void shippedDefault() {
            policies = TestPolicies.SHIPPED_DEFAULT;
            consumers.add(MARKETING);
        }

        @Test
        void aPilotIsAdvisedToGiveConsumersMoreNoticeThanThePlatformsMinimum() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(IN_100_DAYS, null, OLIVIA))
                    .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof DeprecationOpened o
                            && o.warnings().equals(List.of("deprecation-minimum-notice: give at least 60 days of"
                            + " notice (120 when the version has consumers)"))
                            && o.policy().policyVersion() == 1));
        }

        @Test
        void aFederatedDomainMustGiveConsumersHalfAYear() {
            directory.atStage("orders", OnboardingStage.FEDERATED);
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(IN_100_DAYS, null, OLIVIA))
                    .expectException(Matchers.predicate(e -> e instanceof PolicyViolationException refused
                            && refused.violations().get(0).message().contains("180 when the version has consumers")))
                    .expectNoEvents();
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(deprecate(NOW.plus(Duration.ofDays(180)), null, OLIVIA))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
