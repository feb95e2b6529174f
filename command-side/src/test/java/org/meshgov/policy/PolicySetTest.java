package org.meshgov.policy;

import java.util.List;
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

class PolicySetTest {

    static final Actor ENGINE = Actor.system("default-policy-set");
    static final Actor ADMIN = Actor.of("admin", GlobalGroups.PLATFORM_ADMINS);
    static final Actor GRETA = Actor.of("greta", GlobalGroups.GOVERNANCE_REVIEWERS);
    static final Actor GUS = Actor.of("gus", GlobalGroups.GOVERNANCE_REVIEWERS);
    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");
    static final String DEFAULT = PolicyCompiler.defaultPolicySet();
    static final String STRICTER = DEFAULT.replace("federated: {maxDays: 90}", "federated: {maxDays: 60}");
    static final List<String> STRICTER_CHANGES =
            List.of("changed access-grant-max-duration: federated params {maxDays=90} -> {maxDays=60}");

    AggregateTestFixture<PolicySet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PolicySet.class);
        fixture.registerInjectableResource(TestPolicies.COMPILER);
    }

    static DefaultPolicySetAdoptedEvent adopted() {
        return new DefaultPolicySetAdoptedEvent(1, DEFAULT, TestPolicies.SHIPPED_DEFAULT.contentHash(),
                TestPolicies.SHIPPED_DEFAULT.rules().stream().map(PolicyRule::name).toList(),
                "system:default-policy-set");
    }

    static PolicyChangeProposedEvent proposed(long version, String by) {
        return new PolicyChangeProposedEvent(version, 1, STRICTER,
                TestPolicies.COMPILER.compile(version, STRICTER).contentHash(), adopted().rules(), STRICTER_CHANGES,
                "federated grants are re-certified every two months", by);
    }

    static ProposePolicyChangeCommand propose(String document, Actor actor) {
        return new ProposePolicyChangeCommand(document, "federated grants are re-certified every two months", actor);
    }

    static org.hamcrest.Matcher<?> violationOf(String rule) {
        return Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                && violation.violations().stream().anyMatch(v -> v.rule().equals(rule)));
    }

    @Nested
    class AdoptingTheShippedSet {

        @Test
        void theEngineAdoptsItAsVersionOneAtItsFirstStart() {
            fixture.givenNoPriorActivity()
                    .when(new AdoptDefaultPolicySetCommand(DEFAULT, ENGINE))
                    .expectEvents(adopted())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void laterStartsChangeNothing() {
            fixture.given(adopted(), proposed(2, "admin"), new PolicySetActivatedEvent(2, 1, "greta", null))
                    .when(new AdoptDefaultPolicySetCommand(DEFAULT, ENGINE))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void nobodyAdoptsItByHand() {
            fixture.givenNoPriorActivity()
                    .when(new AdoptDefaultPolicySetCommand(DEFAULT, ADMIN))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Proposing {

        @Test
        void aPlatformAdminProposesAVersionThatSaysWhatItChanges() {
            fixture.given(adopted())
                    .when(propose(STRICTER, ADMIN))
                    .expectEvents(proposed(2, "admin"))
                    .expectResultMessagePayload(new PolicyChangeProposed(2, 1, "IN_REVIEW", STRICTER_CHANGES));
        }

        @Test
        void aDomainOwnerMayNotPropose() {
            fixture.given(adopted())
                    .when(propose(STRICTER, OLIVIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void anInvalidSetIsRefusedWithEveryProblem() {
            fixture.given(adopted())
                    .when(propose(STRICTER.replace("request.durationDays <= params.maxDays",
                            "request.durationDays <="), ADMIN))
                    .expectException(violationOf("policy-condition"))
                    .expectNoEvents();
        }

        @Test
        void theSetInForceIsNoChange() {
            fixture.given(adopted())
                    .when(propose(DEFAULT, GRETA))
                    .expectException(violationOf("policy-changes"))
                    .expectNoEvents();
        }

        @Test
        void aChangeNeedsAReason() {
            fixture.given(adopted())
                    .when(new ProposePolicyChangeCommand(STRICTER, " ", ADMIN))
                    .expectException(violationOf("reason-required"));
        }

        @Test
        void oneChangeIsReviewedAtATime() {
            fixture.given(adopted(), proposed(2, "admin"))
                    .when(propose(STRICTER.replace("{maxDays: 60}", "{maxDays: 30}"), GRETA))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aRejectedVersionKeepsItsNumberAndTheNextProposalGetsANewOne() {
            fixture.given(adopted(), proposed(2, "admin"), new PolicyChangeRejectedEvent(2, "too strict", "greta"))
                    .when(propose(STRICTER, ADMIN))
                    .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.predicate(
                            p -> p instanceof PolicyChangeProposedEvent e && e.version() == 3 && e.basedOn() == 1)),
                            Matchers.andNoMore()));
        }
    }

    @Nested
    class Deciding {

        @Test
        void aGovernanceReviewerActivatesTheVersion() {
            fixture.given(adopted(), proposed(2, "admin"))
                    .when(new DecidePolicyChangeCommand(2, ApprovalDecision.APPROVE, "agreed", GRETA))
                    .expectEvents(new PolicySetActivatedEvent(2, 1, "greta", "agreed"));
        }

        @Test
        void theNextProposalIsComparedWithTheActivatedVersion() {
            fixture.given(adopted(), proposed(2, "admin"), new PolicySetActivatedEvent(2, 1, "greta", null))
                    .when(propose(STRICTER.replace("{maxDays: 60}", "{maxDays: 30}"), ADMIN))
                    .expectResultMessagePayload(new PolicyChangeProposed(3, 2, "IN_REVIEW", List.of(
                            "changed access-grant-max-duration: federated params {maxDays=60} -> {maxDays=30}")));
        }

        @Test
        void aRejectionNeedsAReason() {
            fixture.given(adopted(), proposed(2, "admin"))
                    .when(new DecidePolicyChangeCommand(2, ApprovalDecision.REJECT, null, GRETA))
                    .expectException(violationOf("comment-required"));
            fixture.given(adopted(), proposed(2, "admin"))
                    .when(new DecidePolicyChangeCommand(2, ApprovalDecision.REJECT, "too strict", GRETA))
                    .expectEvents(new PolicyChangeRejectedEvent(2, "too strict", "greta"));
        }

        @Test
        void nobodyDecidesOnTheirOwnProposal() {
            fixture.given(adopted(), proposed(2, "gus"))
                    .when(new DecidePolicyChangeCommand(2, ApprovalDecision.APPROVE, null, GUS))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyGovernanceReviewersDecide() {
            fixture.given(adopted(), proposed(2, "greta"))
                    .when(new DecidePolicyChangeCommand(2, ApprovalDecision.APPROVE, null, ADMIN))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aVersionNotInReviewCannotBeDecided() {
            fixture.given(adopted(), proposed(2, "admin"), new PolicySetActivatedEvent(2, 1, "greta", null))
                    .when(new DecidePolicyChangeCommand(2, ApprovalDecision.APPROVE, null, GRETA))
                    .expectException(UnknownEntityException.class)
                    .expectNoEvents();
        }
    }
}
