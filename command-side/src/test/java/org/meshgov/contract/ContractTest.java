package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshgov.contract.ContractDocuments.ordersV1;
import static org.meshgov.contract.ContractDocuments.withNewDescription;
import static org.meshgov.contract.ContractDocuments.withVersion;
import static org.meshgov.contract.ContractDocuments.withoutProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.validation.ContentHash;
import org.meshgov.deprecation.ActiveGrants;
import org.meshgov.deprecation.Consumer;
import org.meshgov.deprecation.DeprecationPolicy;
import org.meshgov.domain.InMemoryDomainDirectory;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.Enforcement;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyFinding;
import org.meshgov.policy.TestPolicies;

class ContractTest {

    static final String ID = "orders-placed";
    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");
    static final Actor OMAR = Actor.of("omar", "orders-owners");
    static final Actor MIKE = Actor.of("mike", "orders-members");
    static final Actor MIA = Actor.of("mia", "marketing-members");
    static final Actor GRETA = Actor.of("greta", GlobalGroups.GOVERNANCE_REVIEWERS);
    static final ReviewPlan OWNERS_ONLY = new ReviewPlan(false, "orders-owners", false);
    static final ReviewPlan OWNERS_AND_GOVERNANCE = new ReviewPlan(false, "orders-owners", true);
    static final ReviewPlan AUTOMATIC = new ReviewPlan(true, null, false);

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    AggregateTestFixture<Contract> fixture;
    InMemoryDomainDirectory directory;
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
        fixture.registerInjectableResource(TestPolicies.active(TestPolicies.GOVERNANCE_FOR_BREAKING_CHANGES));
    }

    static ProposeContractVersionCommand propose(JsonNode document, Actor actor) {
        return new ProposeContractVersionCommand(ID, document, "http://localhost/doc", actor);
    }

    static ContractVersionProposedEvent proposed(JsonNode document, int revision, ChangeLevel level, ReviewPlan plan,
                                                 String comparedWith, String proposer) {
        return new ContractVersionProposedEvent(ID, document.path("version").asText(), revision, "orders",
                document.path("name").asText(), document, ContentHash.of(document), "http://localhost/doc",
                comparedWith, level, List.of(), plan, proposer, evaluation(plan));
    }

    /** What {@link TestPolicies#GOVERNANCE_FOR_BREAKING_CHANGES} records: its remedy when governance reviews. */
    static PolicyEvaluation evaluation(ReviewPlan plan) {
        return new PolicyEvaluation(1, OnboardingStage.PILOT, plan.requiresGovernanceReview()
                ? List.of(new PolicyFinding("breaking-change-governance-review", Enforcement.ENFORCED,
                        "breaking changes need a governance reviewer"))
                : List.of());
    }

    static ContractVersionProposedEvent firstVersionProposedByMike() {
        return proposed(ordersV1(), 1, ChangeLevel.INITIAL, OWNERS_ONLY, null, "mike");
    }

    static ContractVersionPublishedEvent firstVersionPublished() {
        return new ContractVersionPublishedEvent(ID, "1.0.0", 1, "orders", ContentHash.of(ordersV1()),
                List.of("olivia"), null);
    }

    static DecideContractReviewCommand decide(String version, ReviewStage stage, ReviewDecision decision,
                                              String comment, Actor actor) {
        return new DecideContractReviewCommand(ID, version, stage, decision, comment, null, actor);
    }

    @SuppressWarnings("unchecked")
    static <T> void expectOnly(ResultValidator<Contract> result, Class<T> type, Predicate<T> condition) {
        result.expectSuccessfulHandlerExecution().expectEventsMatching(Matchers.exactSequenceOf(
                Matchers.messageWithPayload(Matchers.predicate(
                        payload -> type.isInstance(payload) && condition.test((T) payload))),
                Matchers.andNoMore()));
    }

    @Nested
    class Proposing {

        @Test
        void aMemberProposesTheFirstVersionForReviewByTheOwners() {
            ObjectNode document = ordersV1();
            fixture.givenNoPriorActivity()
                    .when(propose(document, MIKE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(document, 1, ChangeLevel.INITIAL, OWNERS_ONLY, null, "mike"));
        }

        @Test
        void theAcceptedProposalReportsItsClassification() {
            fixture.givenNoPriorActivity()
                    .when(propose(ordersV1(), MIKE))
                    .expectResultMessagePayloadMatching(Matchers.predicate(result ->
                            result instanceof ProposalAccepted accepted
                                    && accepted.status() == ContractVersionStatus.IN_REVIEW
                                    && accepted.changeLevel() == ChangeLevel.INITIAL));
        }

        @Test
        void aDocumentThatBreaksTheSchemaIsRefusedWithThePathOfEachViolation() {
            ObjectNode document = ordersV1();
            document.put("kind", "NotAContract");
            fixture.givenNoPriorActivity()
                    .when(propose(document, MIKE))
                    .expectNoEvents()
                    .expectException(Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                            && violation.violations().stream().anyMatch(v -> v.path().equals("$.kind"))));
        }

        @Test
        void aContractOfAnUnregisteredDomainIsRefused() {
            ObjectNode document = ordersV1();
            document.put("domain", "finance");
            fixture.givenNoPriorActivity()
                    .when(propose(document, MIKE))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void someoneOutsideTheDomainCannotPropose() {
            fixture.givenNoPriorActivity()
                    .when(propose(ordersV1(), MIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aVersionNotHigherThanEveryEarlierOneIsRefused() {
            fixture.given(firstVersionProposedByMike())
                    .when(propose(withVersion(ordersV1(), "0.9.0"), MIKE))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aVersionInReviewCannotBeProposedAgain() {
            fixture.given(firstVersionProposedByMike())
                    .when(propose(ordersV1(), MIKE))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aBreakingChangeWithoutANewMajorVersionIsRefused() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(propose(withoutProperty(ordersV1(), "1.2.0", "placed_at"), MIKE))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aBreakingChangeUnderANewMajorVersionNeedsGovernanceToo() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(propose(withoutProperty(ordersV1(), "2.0.0", "placed_at"), MIKE))
                    .expectSuccessfulHandlerExecution();
            expectOnly(fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                            .when(propose(withoutProperty(ordersV1(), "2.0.0", "placed_at"), MIKE)),
                    ContractVersionProposedEvent.class,
                    event -> event.changeLevel() == ChangeLevel.BREAKING
                            && event.reviewPlan().equals(OWNERS_AND_GOVERNANCE)
                            && "1.0.0".equals(event.comparedWith())
                            && !event.changes().isEmpty());
        }

        @Test
        void anAdditiveChangeUnderANewMinorVersionGoesToTheOwnersAlone() {
            expectOnly(fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                            .when(propose(ContractDocuments.example("orders-v1.1.0.yaml"), MIKE)),
                    ContractVersionProposedEvent.class,
                    event -> event.changeLevel() == ChangeLevel.ADDITIVE && event.reviewPlan().equals(OWNERS_ONLY));
        }

        @Test
        void aCosmeticChangeIsPlannedForAutomaticApproval() {
            expectOnly(fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                            .when(propose(withNewDescription(ordersV1(), "1.0.1"), MIKE)),
                    ContractVersionProposedEvent.class,
                    event -> event.changeLevel() == ChangeLevel.COSMETIC && event.reviewPlan().equals(AUTOMATIC));
        }

        @Test
        void theOnlyOwnerOfADomainIsReviewedByGovernanceInstead() {
            directory.withDomain("orders", Set.of("olivia"));
            expectOnly(fixture.givenNoPriorActivity().when(propose(ordersV1(), OLIVIA)),
                    ContractVersionProposedEvent.class,
                    event -> GlobalGroups.GOVERNANCE_REVIEWERS.equals(event.reviewPlan().ownerReviewGroup()));
        }

        @Test
        void aContractCannotMoveToAnotherDomain() {
            ObjectNode document = withVersion(ordersV1(), "1.1.0");
            document.put("domain", "marketing");
            fixture.given(firstVersionProposedByMike())
                    .when(propose(document, Actor.of("oscar", "marketing-owners")))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Revising {

        ContractReviewDecidedEvent changesRequestedByOlivia() {
            return new ContractReviewDecidedEvent(ID, "1.0.0", 1, ReviewStage.OWNER, ReviewDecision.REQUEST_CHANGES,
                    "please describe customer_id", ContentHash.of(ordersV1()), "olivia");
        }

        @Test
        void theProposerRevisesAVersionOnWhichChangesWereRequested() {
            ObjectNode revised = withNewDescription(ordersV1(), "1.0.0");
            fixture.given(firstVersionProposedByMike(), changesRequestedByOlivia())
                    .when(propose(revised, MIKE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(revised, 2, ChangeLevel.INITIAL, OWNERS_ONLY, null, "mike"));
        }

        @Test
        void onlyTheProposerRevises() {
            fixture.given(firstVersionProposedByMike(), changesRequestedByOlivia())
                    .when(propose(withNewDescription(ordersV1(), "1.0.0"), OLIVIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Reviewing {

        @Test
        void anOwnersApprovalPublishesAChangeThatBreaksNobody() {
            fixture.given(firstVersionProposedByMike())
                    .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.APPROVE, null, OLIVIA))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new ContractReviewDecidedEvent(ID, "1.0.0", 1, ReviewStage.OWNER, ReviewDecision.APPROVE,
                                    null, ContentHash.of(ordersV1()), "olivia"),
                            new ContractVersionPublishedEvent(ID, "1.0.0", 1, "orders", ContentHash.of(ordersV1()),
                                    List.of("olivia"), null));
        }

        @Test
        void anOwnersApprovalOfABreakingChangeWaitsForGovernance() {
            expectOnly(fixture.given(proposed(ordersV1(), 1, ChangeLevel.BREAKING, OWNERS_AND_GOVERNANCE, null, "mike"))
                            .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.APPROVE, null, OLIVIA)),
                    ContractReviewDecidedEvent.class, event -> event.decision() == ReviewDecision.APPROVE);
        }

        @Test
        void governanceApprovalAfterTheOwnersPublishesABreakingChange() {
            fixture.given(proposed(ordersV1(), 1, ChangeLevel.BREAKING, OWNERS_AND_GOVERNANCE, null, "mike"),
                            new ContractReviewDecidedEvent(ID, "1.0.0", 1, ReviewStage.OWNER, ReviewDecision.APPROVE,
                                    null, ContentHash.of(ordersV1()), "olivia"))
                    .when(decide("1.0.0", ReviewStage.GOVERNANCE, ReviewDecision.APPROVE, null, GRETA))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new ContractReviewDecidedEvent(ID, "1.0.0", 1, ReviewStage.GOVERNANCE,
                                    ReviewDecision.APPROVE, null, ContentHash.of(ordersV1()), "greta"),
                            new ContractVersionPublishedEvent(ID, "1.0.0", 1, "orders", ContentHash.of(ordersV1()),
                                    List.of("olivia", "greta"), null));
        }

        @Test
        void governanceCannotDecideBeforeTheOwners() {
            fixture.given(proposed(ordersV1(), 1, ChangeLevel.BREAKING, OWNERS_AND_GOVERNANCE, null, "mike"))
                    .when(decide("1.0.0", ReviewStage.GOVERNANCE, ReviewDecision.APPROVE, null, GRETA))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void theProposerCannotDecideOnTheirOwnProposal() {
            fixture.given(proposed(ordersV1(), 1, ChangeLevel.INITIAL, OWNERS_ONLY, null, "olivia"))
                    .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.APPROVE, null, OLIVIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aReviewerOutsideTheReviewingGroupIsRefused() {
            fixture.given(firstVersionProposedByMike())
                    .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.APPROVE, null, GRETA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectingNeedsAComment() {
            fixture.given(firstVersionProposedByMike())
                    .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.REJECT, " ", OLIVIA))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void requestingChangesNeedsAComment() {
            fixture.given(firstVersionProposedByMike())
                    .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.REQUEST_CHANGES, null, OLIVIA))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aRejectionRejectsTheVersionWithItsReason() {
            fixture.given(firstVersionProposedByMike())
                    .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.REJECT, "not a product", OLIVIA))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new ContractReviewDecidedEvent(ID, "1.0.0", 1, ReviewStage.OWNER, ReviewDecision.REJECT,
                                    "not a product", ContentHash.of(ordersV1()), "olivia"),
                            new ContractVersionRejectedEvent(ID, "1.0.0", 1, ReviewStage.OWNER, "not a product",
                                    "olivia"));
        }

        @Test
        void aDecisionOnADocumentThatWasRevisedSinceIsRefused() {
            fixture.given(firstVersionProposedByMike())
                    .when(new DecideContractReviewCommand(ID, "1.0.0", ReviewStage.OWNER, ReviewDecision.APPROVE, null,
                            "0".repeat(64), OLIVIA))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aPublishedVersionCannotBeDecidedAgain() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.REJECT, "too late", OMAR))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aDecisionOnAnUnknownVersionIsRefused() {
            fixture.given(firstVersionProposedByMike())
                    .when(decide("9.9.9", ReviewStage.OWNER, ReviewDecision.APPROVE, null, OLIVIA))
                    .expectException(UnknownEntityException.class);
        }
    }

    @Nested
    class ApprovingAutomatically {

        @Test
        void aCosmeticChangeIsPublishedWithTheReasonRecorded() {
            ObjectNode cosmetic = withNewDescription(ordersV1(), "1.0.1");
            expectOnly(fixture.given(firstVersionProposedByMike(), firstVersionPublished(),
                                    proposed(cosmetic, 1, ChangeLevel.COSMETIC, AUTOMATIC, "1.0.0", "mike"))
                            .when(new ApproveCosmeticChangeCommand(ID, "1.0.1", Actor.system("test"))),
                    ContractVersionPublishedEvent.class,
                    event -> event.approvedBy().isEmpty() && event.automaticReason().contains("cosmetic"));
        }

        @Test
        void aChangeThatNeedsReviewersIsNeverApprovedAutomatically() {
            fixture.given(firstVersionProposedByMike())
                    .when(new ApproveCosmeticChangeCommand(ID, "1.0.0", Actor.system("test")))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Escalating {

        @Test
        void anOverdueReviewIsEscalatedToGovernance() {
            fixture.given(firstVersionProposedByMike())
                    .when(new EscalateContractReviewCommand(ID, "1.0.0", ReviewStage.OWNER,
                            GlobalGroups.GOVERNANCE_REVIEWERS, Actor.system("review-sla-timer")))
                    .expectEvents(new ContractReviewEscalatedEvent(ID, "1.0.0", 1, ReviewStage.OWNER,
                            GlobalGroups.GOVERNANCE_REVIEWERS, "system:review-sla-timer"));
        }

        @Test
        void governanceMayDecideAnEscalatedOwnersReview() {
            expectOnly(fixture.given(firstVersionProposedByMike(), new ContractReviewEscalatedEvent(ID, "1.0.0", 1,
                                    ReviewStage.OWNER, GlobalGroups.GOVERNANCE_REVIEWERS, "system:review-sla-timer"))
                            .when(decide("1.0.0", ReviewStage.OWNER, ReviewDecision.REQUEST_CHANGES, "overdue: add SLA",
                                    GRETA)),
                    ContractReviewDecidedEvent.class, event -> event.decidedBy().equals("greta"));
        }

        @Test
        void aReviewDecidedMeanwhileIsNotEscalated() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(new EscalateContractReviewCommand(ID, "1.0.0", ReviewStage.OWNER,
                            GlobalGroups.GOVERNANCE_REVIEWERS, Actor.system("review-sla-timer")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void theProposerWithdrawsAnOpenProposal() {
            fixture.given(firstVersionProposedByMike())
                    .when(new WithdrawContractProposalCommand(ID, "1.0.0", "wrong table", MIKE))
                    .expectEvents(new ContractProposalWithdrawnEvent(ID, "1.0.0", 1, "wrong table", "mike"));
        }

        @Test
        void nobodyElseWithdrawsAProposal() {
            fixture.given(firstVersionProposedByMike())
                    .when(new WithdrawContractProposalCommand(ID, "1.0.0", "mine now", OLIVIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aPublishedVersionCannotBeWithdrawn() {
            fixture.given(firstVersionProposedByMike(), firstVersionPublished())
                    .when(new WithdrawContractProposalCommand(ID, "1.0.0", "oops", MIKE))
                    .expectException(GovernanceViolationException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void theReviewPolicyNeverLetsTheOnlyOwnerReviewTheirOwnProposal() {
        ReviewPlan plan = ReviewPolicy.plan(ChangeLevel.ADDITIVE, "olivia",
                new org.meshgov.domain.DomainProfile("orders", "Orders", "orders-owners", "orders-members",
                        org.meshgov.domain.OnboardingStage.PILOT),
                Set.of("olivia"), false);
        assertThat(plan.ownerReviewGroup()).isEqualTo(GlobalGroups.GOVERNANCE_REVIEWERS);
    }
}
