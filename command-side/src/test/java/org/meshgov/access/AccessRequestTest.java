package org.meshgov.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.domain.InMemoryDomainDirectory;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.Enforcement;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyFinding;
import org.meshgov.policy.PolicyRules;
import org.meshgov.policy.PolicyViolationException;
import org.meshgov.policy.TestPolicies;

class AccessRequestTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant UNTIL = NOW.plus(Duration.ofDays(90));
    static final String ID = "req-1";
    static final String PURPOSE = "weekly campaign attribution per order channel";
    static final Actor MIA = Actor.of("mia", "marketing-members");
    static final Actor OSCAR = Actor.of("oscar", "marketing-owners");
    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");
    static final Actor MIKE = Actor.of("mike", "orders-members");
    static final Actor PRIYA = Actor.of("priya", GlobalGroups.PRIVACY_OFFICERS);
    static final Actor GRETA = Actor.of("greta", GlobalGroups.GOVERNANCE_REVIEWERS);
    static final List<String> PLAIN = List.of("orders.order_id", "orders.order_total");
    static final List<String> WITH_CUSTOMER = List.of("orders.customer_id", "orders.order_id");
    static final PolicyEvaluation NO_FINDINGS = new PolicyEvaluation(0, OnboardingStage.PILOT, List.of());

    AggregateTestFixture<AccessRequest> fixture;
    InMemoryDomainDirectory directory;
    PolicyRules policies = TestPolicies.NONE;
    final Map<String, PublishedContracts.PublishedVersion> published = new HashMap<>();
    final List<String> holders = new ArrayList<>();

    static ObjectNode ordersContract() {
        try {
            return (ObjectNode) new ContractDocumentParser().parse(
                    Files.readAllBytes(Path.of("..", "examples", "orders-v1.0.0.yaml")), DocumentFormat.YAML);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessRequest.class);
        published.put("orders-placed:1", new PublishedContracts.PublishedVersion("orders-placed", "1.0.0", "orders",
                ordersContract(), false));
        directory = new InMemoryDomainDirectory()
                .withDomain("orders", Set.of("olivia"))
                .withDomain("marketing", Set.of("oscar"));
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new PublishedContracts() {
            @Override
            public Optional<PublishedVersion> latestInMajor(String contractId, long major) {
                return Optional.ofNullable(published.get(contractId + ":" + major));
            }

            @Override
            public Optional<PublishedVersion> latest(String contractId) {
                return Optional.empty();
            }

            @Override
            public Optional<PublishedVersion> version(String contractId, String version) {
                return Optional.empty();
            }
        });
        fixture.registerInjectableResource((AccessClaims) scope -> List.copyOf(holders));
        fixture.registerInjectableResource(AccessPolicy.defaults());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ActivePolicies) () -> policies);
    }

    static RequestAccessCommand request(List<String> properties, Actor actor) {
        return new RequestAccessCommand(ID, "orders-placed", 1, "marketing", PURPOSE, properties, UNTIL, null, actor);
    }

    static AccessRequestedEvent requested(List<String> properties, List<String> sensitive, List<ApprovalRole> needed) {
        return new AccessRequestedEvent(ID, "orders-placed", 1, "1.0.0", "orders", "orders-owners", "marketing",
                "marketing-owners", PURPOSE, properties, sensitive, UNTIL, needed, null, "mia", NO_FINDINGS);
    }

    static AccessRequestedEvent plainRequested() {
        return requested(PLAIN, List.of(), List.of(ApprovalRole.OWNER));
    }

    static AccessRequestedEvent sensitiveRequested() {
        return requested(WITH_CUSTOMER, List.of("orders.customer_id"), List.of(ApprovalRole.OWNER, ApprovalRole.PRIVACY));
    }

    static AccessGrantedEvent plainGranted() {
        return new AccessGrantedEvent(ID, "orders-placed", 1, "marketing", PLAIN, UNTIL, List.of("olivia"), null);
    }

    static org.hamcrest.Matcher<?> violationOf(String rule) {
        return Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                && violation.violations().stream().anyMatch(v -> v.rule().equals(rule)));
    }

    @Nested
    class Requesting {

        @Test
        void aConsumerAsksForPlainPropertiesAndTheOwnersDecide() {
            fixture.givenNoPriorActivity()
                    .when(request(PLAIN, MIA))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(plainRequested());
        }

        @Test
        void askingForPersonalDataNeedsAPrivacyOfficerToo() {
            fixture.givenNoPriorActivity()
                    .when(request(WITH_CUSTOMER, MIA))
                    .expectEvents(sensitiveRequested());
        }

        @Test
        void theWholeContractIsRefusedWhenItHoldsPersonalData() {
            fixture.givenNoPriorActivity()
                    .when(request(List.of(), MIA))
                    .expectException(violationOf("data-minimisation"))
                    .expectNoEvents();
        }

        @Test
        void theWholeContractMayBeAskedForWhenNothingInItIsSensitive() {
            ObjectNode open = ordersContract();
            open.path("schema").get(0).path("properties").forEach(p -> ((ObjectNode) p).put("classification", "public"));
            published.put("orders-placed:1", new PublishedContracts.PublishedVersion("orders-placed", "1.0.0",
                    "orders", open, false));
            fixture.givenNoPriorActivity()
                    .when(request(List.of(), MIA))
                    .expectEvents(requested(List.of(), List.of(), List.of(ApprovalRole.OWNER)));
        }

        @Test
        void aPropertyMarkedAsPiiByATagIsSensitive() {
            ObjectNode tagged = ordersContract();
            ((ObjectNode) tagged.path("schema").get(0).path("properties").get(0)).putArray("tags").add("PII");
            JsonNode document = tagged;
            org.assertj.core.api.Assertions.assertThat(SensitiveProperties.of(document).sensitive())
                    .contains("orders.order_id", "orders.customer_id");
        }

        @Test
        void aMajorVersionWithoutPublishedVersionIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(ID, "orders-placed", 2, "marketing", PURPOSE, PLAIN, UNTIL, null,
                            MIA))
                    .expectException(violationOf("contract-published"))
                    .expectNoEvents();
        }

        @Test
        void aPurposeOfAFewWordsIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(ID, "orders-placed", 1, "marketing", "analytics", PLAIN, UNTIL,
                            null, MIA))
                    .expectException(violationOf("purpose-meaningful"))
                    .expectNoEvents();
        }

        @Test
        void aPropertyTheContractDoesNotHaveIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(request(List.of("orders.order_id", "orders.shoe_size"), MIA))
                    .expectException(Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                            && violation.violations().stream().anyMatch(v -> v.path().equals("$.properties[1]"))))
                    .expectNoEvents();
        }

        @Test
        void aGrantThatEndedBeforeItBeganIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(ID, "orders-placed", 1, "marketing", PURPOSE, PLAIN,
                            NOW.minusSeconds(1), null, MIA))
                    .expectException(violationOf("until-future"))
                    .expectNoEvents();
        }

        @Test
        void aGrantLongerThanTheMaximumIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(ID, "orders-placed", 1, "marketing", PURPOSE, PLAIN,
                            NOW.plus(Duration.ofDays(366)), null, MIA))
                    .expectException(violationOf("until-max-duration"))
                    .expectNoEvents();
        }

        @Test
        void aSecondRequestForTheSameAccessIsRefused() {
            holders.add("req-0");
            fixture.givenNoPriorActivity()
                    .when(request(PLAIN, MIA))
                    .expectException(violationOf("no-duplicate-access"))
                    .expectNoEvents();
        }

        @Test
        void theActiveGrantMayBeRenewedBeforeItEnds() {
            holders.add("req-0");
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(ID, "orders-placed", 1, "marketing", PURPOSE, PLAIN, UNTIL, "req-0",
                            OSCAR))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void someoneOutsideTheConsumerDomainCannotAskForIt() {
            fixture.givenNoPriorActivity()
                    .when(request(PLAIN, MIKE))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void theOwningDomainIsGrantedAtOnceAndItIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(ID, "orders-placed", 1, "orders", PURPOSE, PLAIN, UNTIL, null,
                            MIKE))
                    .expectEventsMatching(Matchers.exactSequenceOf(
                            Matchers.messageWithPayload(Matchers.predicate(p -> p instanceof AccessRequestedEvent e
                                    && e.approvalsNeeded().isEmpty())),
                            Matchers.messageWithPayload(Matchers.predicate(p -> p instanceof AccessGrantedEvent e
                                    && e.automaticReason() != null)),
                            Matchers.andNoMore()));
        }
    }

    @Nested
    class Approving {

        @Test
        void theOwnersApprovalGrantsWhenOnlyOwnersAreNeeded() {
            fixture.given(plainRequested())
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.APPROVE, "ok", OLIVIA))
                    .expectEvents(new AccessApprovedEvent(ID, ApprovalRole.OWNER, "ok", "olivia"), plainGranted());
        }

        @Test
        void theOwnersApprovalWaitsForPrivacyWhenPersonalDataIsAskedFor() {
            fixture.given(sensitiveRequested())
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.APPROVE, "ok", OLIVIA))
                    .expectEvents(new AccessApprovedEvent(ID, ApprovalRole.OWNER, "ok", "olivia"));
        }

        @Test
        void privacyApprovalAfterTheOwnersGrants() {
            fixture.given(sensitiveRequested(), new AccessApprovedEvent(ID, ApprovalRole.OWNER, "ok", "olivia"))
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.PRIVACY, AccessDecision.APPROVE, "lawful",
                            PRIYA))
                    .expectEvents(new AccessApprovedEvent(ID, ApprovalRole.PRIVACY, "lawful", "priya"),
                            new AccessGrantedEvent(ID, "orders-placed", 1, "marketing", WITH_CUSTOMER, UNTIL,
                                    List.of("olivia", "priya"), null));
        }

        @Test
        void nobodyApprovesARequestTheyMade() {
            fixture.given(requested(PLAIN, List.of(), List.of(ApprovalRole.OWNER)))
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.APPROVE, "mine",
                            Actor.of("mia", "orders-owners")))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void someoneOutsideTheOwnersCannotApprove() {
            fixture.given(plainRequested())
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.APPROVE, "ok", MIKE))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aPrivacyApprovalNobodyAskedForIsRefused() {
            fixture.given(plainRequested())
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.PRIVACY, AccessDecision.APPROVE, "ok", PRIYA))
                    .expectException(violationOf("approval-role"))
                    .expectNoEvents();
        }

        @Test
        void anApprovalIsGivenOnce() {
            fixture.given(sensitiveRequested(), new AccessApprovedEvent(ID, ApprovalRole.OWNER, "ok", "olivia"))
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.APPROVE, "again",
                            OLIVIA))
                    .expectException(violationOf("illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void aDenialNeedsAReason() {
            fixture.given(plainRequested())
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.DENY, "", OLIVIA))
                    .expectException(violationOf("comment-required"))
                    .expectNoEvents();
        }

        @Test
        void eitherPartyCanDenyWithAReason() {
            fixture.given(sensitiveRequested(), new AccessApprovedEvent(ID, ApprovalRole.OWNER, "ok", "olivia"))
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.PRIVACY, AccessDecision.DENY,
                            "no legal basis", PRIYA))
                    .expectEvents(new AccessDeniedEvent(ID, ApprovalRole.PRIVACY, "no legal basis", "priya"));
        }

        @Test
        void aDeniedRequestCannotBeApprovedAfterwards() {
            fixture.given(plainRequested(), new AccessDeniedEvent(ID, ApprovalRole.OWNER, "no", "olivia"))
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.APPROVE, "ok", OLIVIA))
                    .expectException(violationOf("illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void governanceMayDecideAnEscalatedRequest() {
            fixture.given(plainRequested(), new AccessRequestEscalatedEvent(ID, GlobalGroups.GOVERNANCE_REVIEWERS,
                            "system:access-sla-timer"))
                    .when(new DecideAccessRequestCommand(ID, ApprovalRole.OWNER, AccessDecision.APPROVE, "ok", GRETA))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anOpenRequestIsEscalatedOnce() {
            fixture.given(plainRequested())
                    .when(new EscalateAccessRequestCommand(ID, GlobalGroups.GOVERNANCE_REVIEWERS,
                            Actor.system("access-sla-timer")))
                    .expectEvents(new AccessRequestEscalatedEvent(ID, GlobalGroups.GOVERNANCE_REVIEWERS,
                            "system:access-sla-timer"));
        }
    }

    @Nested
    class EndingAGrant {

        @Test
        void aGrantEndsWithItsRetiredVersion() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new EndAccessCommand(ID, "retired", Actor.system("version-retired")))
                    .expectEvents(new AccessEndedEvent(ID, "orders-placed", 1, "marketing", "retired"));
        }

        @Test
        void aDeprecatedVersionIsGrantedWithAWarning() {
            published.put("orders-placed:1", new PublishedContracts.PublishedVersion("orders-placed", "1.0.0",
                    "orders", ordersContract(), true));
            fixture.givenNoPriorActivity()
                    .when(request(PLAIN, MIA))
                    .expectResultMessagePayloadMatching(Matchers.predicate(result -> result instanceof
                            AccessRequestAccepted accepted && accepted.warnings().get(0).contains("deprecated")));
        }

        @Test
        void anActiveGrantExpiresAtItsEnd() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new ExpireAccessCommand(ID, Actor.system("grant-expiry-timer")))
                    .expectEvents(new AccessExpiredEvent(ID, "orders-placed", 1, "marketing", UNTIL));
        }

        @Test
        void aDeniedRequestHasNothingToExpire() {
            fixture.given(plainRequested(), new AccessDeniedEvent(ID, ApprovalRole.OWNER, "no", "olivia"))
                    .when(new ExpireAccessCommand(ID, Actor.system("grant-expiry-timer")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theOwnersRevokeAGrantWithAReason() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new RevokeAccessCommand(ID, "purpose fulfilled", OLIVIA))
                    .expectEvents(new AccessRevokedEvent(ID, "orders-placed", 1, "marketing", "purpose fulfilled",
                            "olivia"));
        }

        @Test
        void aPrivacyOfficerRevokesAGrant() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new RevokeAccessCommand(ID, "complaint received", PRIYA))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theConsumerCannotRevokeItsOwnGrant() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new RevokeAccessCommand(ID, "done", OSCAR))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aRevocationNeedsAReason() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new RevokeAccessCommand(ID, " ", OLIVIA))
                    .expectException(violationOf("reason-required"))
                    .expectNoEvents();
        }

        @Test
        void aPendingRequestIsNotAGrantToRevoke() {
            fixture.given(plainRequested())
                    .when(new RevokeAccessCommand(ID, "no", OLIVIA))
                    .expectException(violationOf("illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void theConsumersOwnersLetAGrantLapse() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new DeclineRenewalCommand(ID, "campaign over", OSCAR))
                    .expectEvents(new AccessRenewalDeclinedEvent(ID, "campaign over", "oscar"));
        }

        @Test
        void onlyTheConsumersOwnersDecideOnRenewal() {
            fixture.given(plainRequested(), plainGranted())
                    .when(new DeclineRenewalCommand(ID, "campaign over", MIA))
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class JudgedByThePolicySet {

        static final String RULE = "access-grant-max-duration";

        @BeforeEach
        void shippedDefault() {
            policies = TestPolicies.SHIPPED_DEFAULT;
        }

        RequestAccessCommand forDays(int days) {
            return new RequestAccessCommand(ID, "orders-placed", 1, "marketing", PURPOSE, PLAIN,
                    NOW.plus(Duration.ofDays(days)), null, MIA);
        }

        @Test
        void aLongGrantOfAPilotDomainsDataIsAcceptedWithAWarning() {
            fixture.givenNoPriorActivity()
                    .when(forDays(200))
                    .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.predicate(
                            p -> p instanceof AccessRequestedEvent e && e.policy().equals(new PolicyEvaluation(1,
                                    OnboardingStage.PILOT, List.of(new PolicyFinding(RULE, Enforcement.ADVISORY,
                                    "a grant lasts at most 180 days for data of a domain at this stage")))))),
                            Matchers.andNoMore()))
                    .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof AccessRequestAccepted a
                            && a.warnings().equals(List.of(RULE
                            + ": a grant lasts at most 180 days for data of a domain at this stage"))));
        }

        @Test
        void theSameGrantOfAnOnboardingDomainsDataIsRefused() {
            directory.atStage("orders", OnboardingStage.ONBOARDING);
            fixture.givenNoPriorActivity()
                    .when(forDays(200))
                    .expectException(Matchers.predicate(e -> e instanceof PolicyViolationException refused
                            && refused.violations().get(0).rule().equals(RULE)
                            && refused.violations().get(0).path().equals("$.until")))
                    .expectNoEvents();
        }

        @Test
        void theOwningDomainsStageDecidesNotTheConsumers() {
            directory.atStage("marketing", OnboardingStage.FEDERATED);
            fixture.givenNoPriorActivity()
                    .when(forDays(120))
                    .expectSuccessfulHandlerExecution();
            directory.atStage("orders", OnboardingStage.FEDERATED);
            fixture.givenNoPriorActivity()
                    .when(forDays(120))
                    .expectException(PolicyViolationException.class);
        }

        @Test
        void thePlatformsOwnMaximumStillHoldsWhateverThePolicySays() {
            policies = TestPolicies.NONE;
            fixture.givenNoPriorActivity()
                    .when(forDays(400))
                    .expectException(violationOf("until-max-duration"));
        }
    }
}
