package org.meshgov.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.meshgov.governance.ApprovalDecision;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;

class DomainStageTest {

    static final Actor ADMIN = Actor.of("admin", GlobalGroups.PLATFORM_ADMINS);
    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");
    static final Actor MIKE = Actor.of("mike", "orders-members");
    static final Actor GRETA = Actor.of("greta", GlobalGroups.GOVERNANCE_REVIEWERS);
    static final Actor GUS = Actor.of("gus", GlobalGroups.GOVERNANCE_REVIEWERS, "orders-owners");

    AggregateTestFixture<DataDomain> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataDomain.class);
    }

    static DomainRegisteredEvent registered() {
        return new DomainRegisteredEvent("orders", "Orders", null, "orders-owners", "orders-members", "admin");
    }

    static RequestDomainStageChangeCommand request(OnboardingStage stage, String reason, Actor actor) {
        return new RequestDomainStageChangeCommand("orders", "r1", stage, reason, actor);
    }

    static DomainStageChangeRequestedEvent requested(OnboardingStage from, OnboardingStage to, String reason,
                                                     String by) {
        return new DomainStageChangeRequestedEvent("orders", "r1", from, to, reason, by);
    }

    static DomainStageChangedEvent changed(OnboardingStage from, OnboardingStage to) {
        return new DomainStageChangedEvent("orders", "earlier", from, to, null, "olivia", "greta", null);
    }

    static org.hamcrest.Matcher<?> violationOf(String rule) {
        return Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                && violation.violations().stream().anyMatch(v -> v.rule().equals(rule)));
    }

    @Nested
    class Requesting {

        @Test
        void theOwnersAskToMoveAPilotDomainToOnboarding() {
            fixture.given(registered())
                    .when(request(OnboardingStage.ONBOARDING, "two contracts published", OLIVIA))
                    .expectEvents(requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING,
                            "two contracts published", "olivia"))
                    .expectResultMessagePayload(new StageChangeRequested("orders", "r1", OnboardingStage.PILOT,
                            OnboardingStage.ONBOARDING, "PENDING"));
        }

        @Test
        void aPlatformAdminMayAskToo() {
            fixture.given(registered())
                    .when(request(OnboardingStage.ONBOARDING, null, ADMIN))
                    .expectEvents(requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, null, "admin"));
        }

        @Test
        void aMemberMayNotAsk() {
            fixture.given(registered())
                    .when(request(OnboardingStage.ONBOARDING, null, MIKE))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aDomainMovesForwardOneStageAtATime() {
            fixture.given(registered())
                    .when(request(OnboardingStage.FEDERATED, "we are ready", OLIVIA))
                    .expectException(violationOf("one-stage-forward"))
                    .expectNoEvents();
        }

        @Test
        void movingBackNeedsAReason() {
            fixture.given(registered(), changed(OnboardingStage.PILOT, OnboardingStage.ONBOARDING))
                    .when(request(OnboardingStage.PILOT, " ", OLIVIA))
                    .expectException(violationOf("reason-required"))
                    .expectNoEvents();
        }

        @Test
        void aFederatedDomainMayFallBackToPilotWithAReason() {
            fixture.given(registered(), changed(OnboardingStage.PILOT, OnboardingStage.ONBOARDING),
                            changed(OnboardingStage.ONBOARDING, OnboardingStage.FEDERATED))
                    .when(request(OnboardingStage.PILOT, "three breaking incidents this quarter", OLIVIA))
                    .expectEvents(requested(OnboardingStage.FEDERATED, OnboardingStage.PILOT,
                            "three breaking incidents this quarter", "olivia"));
        }

        @Test
        void theSameStageIsNoChange() {
            fixture.given(registered())
                    .when(request(OnboardingStage.PILOT, null, OLIVIA))
                    .expectException(violationOf("stage-changes"))
                    .expectNoEvents();
        }

        @Test
        void oneChangeWaitsAtATime() {
            fixture.given(registered(), requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, null, "olivia"))
                    .when(new RequestDomainStageChangeCommand("orders", "r2", OnboardingStage.ONBOARDING, null,
                            ADMIN))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Deciding {

        static DecideDomainStageChangeCommand decide(ApprovalDecision decision, String comment, Actor actor) {
            return new DecideDomainStageChangeCommand("orders", "r1", decision, comment, actor);
        }

        @Test
        void aGovernanceReviewerApprovesAndTheDomainMoves() {
            fixture.given(registered(), requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, "ready",
                            "olivia"))
                    .when(decide(ApprovalDecision.APPROVE, "well run", GRETA))
                    .expectEvents(new DomainStageChangedEvent("orders", "r1", OnboardingStage.PILOT,
                            OnboardingStage.ONBOARDING, "ready", "olivia", "greta", "well run"));
        }

        @Test
        void aRejectionNeedsAReasonAndKeepsTheStage() {
            fixture.given(registered(), requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, null, "olivia"))
                    .when(decide(ApprovalDecision.REJECT, "no support channel yet", GRETA))
                    .expectEvents(new DomainStageChangeRejectedEvent("orders", "r1", OnboardingStage.PILOT,
                            OnboardingStage.ONBOARDING, "no support channel yet", "greta"));
            fixture.given(registered(), requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, null, "olivia"))
                    .when(decide(ApprovalDecision.REJECT, "", GRETA))
                    .expectException(violationOf("comment-required"));
        }

        @Test
        void onlyGovernanceReviewersDecide() {
            fixture.given(registered(), requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, null, "admin"))
                    .when(decide(ApprovalDecision.APPROVE, null, OLIVIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void nobodyApprovesTheirOwnRequest() {
            fixture.given(registered(), requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, null, "gus"))
                    .when(decide(ApprovalDecision.APPROVE, null, GUS))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aDecidedRequestCannotBeDecidedAgain() {
            fixture.given(registered(), requested(OnboardingStage.PILOT, OnboardingStage.ONBOARDING, null, "olivia"),
                            new DomainStageChangedEvent("orders", "r1", OnboardingStage.PILOT,
                                    OnboardingStage.ONBOARDING, null, "olivia", "greta", null))
                    .when(decide(ApprovalDecision.APPROVE, null, GRETA))
                    .expectException(UnknownEntityException.class)
                    .expectNoEvents();
        }
    }
}
