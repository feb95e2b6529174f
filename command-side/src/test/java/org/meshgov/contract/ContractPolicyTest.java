package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshgov.contract.ContractDocuments.ordersV1;
import static org.meshgov.contract.ContractDocuments.withVersion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.deprecation.ActiveGrants;
import org.meshgov.deprecation.DeprecationPolicy;
import org.meshgov.domain.InMemoryDomainDirectory;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.identity.Actor;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.Enforcement;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyFinding;
import org.meshgov.policy.PolicyRules;
import org.meshgov.policy.PolicyViolationException;
import org.meshgov.policy.TestPolicies;

/** Contract proposals judged by the policy set, by the stage of the proposing domain. */
class ContractPolicyTest {

    static final Actor MIKE = Actor.of("mike", "orders-members");
    static final String SENSITIVE_RULE = "sensitive-property-quality-and-classification";
    static final String SENSITIVE_MESSAGE = "give every sensitive property a classification and at least one quality rule";

    AggregateTestFixture<Contract> fixture;
    InMemoryDomainDirectory directory;
    PolicyRules rules = TestPolicies.SHIPPED_DEFAULT;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        directory = new InMemoryDomainDirectory().withDomain("orders", Set.of("olivia", "omar"));
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new ContractDocumentRules());
        fixture.registerInjectableResource((ActiveGrants) (contract, major) -> List.of());
        fixture.registerInjectableResource(DeprecationPolicy.defaults());
        fixture.registerInjectableResource(Clock.fixed(ContractTest.NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ActivePolicies) () -> rules);
    }

    static ProposeContractVersionCommand propose(ObjectNode document) {
        return new ProposeContractVersionCommand("orders-placed", document, "http://localhost/doc", MIKE);
    }

    @Test
    void theSameProposalIsAcceptedWithAWarningFromAPilotAndRefusedFromAFederatedDomain() {
        fixture.givenNoPriorActivity()
                .when(propose(ordersV1()))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.predicate(
                        p -> p instanceof ContractVersionProposedEvent e && e.policy().equals(new PolicyEvaluation(1,
                                OnboardingStage.PILOT, List.of(new PolicyFinding(SENSITIVE_RULE, Enforcement.ADVISORY,
                                SENSITIVE_MESSAGE)))))), Matchers.andNoMore()))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof ProposalAccepted accepted
                        && accepted.warnings().equals(List.of(SENSITIVE_RULE + ": " + SENSITIVE_MESSAGE))));

        directory.atStage("orders", OnboardingStage.FEDERATED);
        fixture.givenNoPriorActivity()
                .when(propose(ordersV1()))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof PolicyViolationException refused
                        && refused.stage() == OnboardingStage.FEDERATED && refused.policyVersion() == 1
                        && refused.violations().stream().map(v -> v.rule()).toList().equals(List.of(SENSITIVE_RULE))));
    }

    @Test
    void everyEnforcedRuleThatFailsIsNamedInTheRefusal() {
        directory.atStage("orders", OnboardingStage.ONBOARDING);
        ObjectNode document = ordersV1();
        document.remove("team");
        document.remove("support");
        fixture.givenNoPriorActivity()
                .when(propose(document))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof PolicyViolationException refused
                        && refused.violations().stream().map(v -> v.rule()).toList()
                        .equals(List.of("contract-owner-team", "contract-support-channel"))));
    }

    @Test
    void aBreakingChangeSkipsGovernanceWhereThePolicySetOnlyAdvisesIt() {
        rules = TestPolicies.COMPILER.compile(4, """
                apiVersion: meshgov/v1
                kind: PolicySet
                rules:
                  - name: breaking-change-governance-review
                    target: contract-proposal
                    condition: proposal.changeLevel != 'BREAKING'
                    message: breaking changes need a governance reviewer
                    remedy: governance-review
                    enforcement: {pilot: advisory, onboarding: enforced, federated: enforced}
                """);
        ObjectNode breaking = ContractDocuments.withoutProperty(ordersV1(), "2.0.0", "placed_at");
        fixture.given(ContractTest.firstVersionProposedByMike(), ContractTest.firstVersionPublished())
                .when(propose(breaking))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.predicate(
                        p -> p instanceof ContractVersionProposedEvent e
                                && e.reviewPlan().equals(ContractTest.OWNERS_ONLY)
                                && e.policy().warningLines().equals(List.of(
                                "breaking-change-governance-review: breaking changes need a governance reviewer")))),
                        Matchers.andNoMore()));
    }

    @Test
    void aRuleWithTheGovernanceRemedyTakesEvenACosmeticChangeToReview() {
        rules = TestPolicies.COMPILER.compile(5, """
                apiVersion: meshgov/v1
                kind: PolicySet
                rules:
                  - name: ownership-change-governance-review
                    target: contract-proposal
                    condition: "!proposal.changes.exists(c, c.path.startsWith('$.team'))"
                    message: a change of the owning team is reviewed by governance
                    remedy: governance-review
                    enforcement: {pilot: enforced, onboarding: enforced, federated: enforced}
                """);
        ObjectNode newTeam = withVersion(ordersV1(), "1.0.1");
        ((ObjectNode) newTeam.path("team")).put("name", "checkout-team");
        fixture.given(ContractTest.firstVersionProposedByMike(), ContractTest.firstVersionPublished())
                .when(propose(newTeam))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.predicate(
                        p -> p instanceof ContractVersionProposedEvent e && e.changeLevel() == ChangeLevel.COSMETIC
                                && e.reviewPlan().equals(ContractTest.OWNERS_AND_GOVERNANCE)
                                && e.policy().findings().get(0).enforcement() == Enforcement.ENFORCED)),
                        Matchers.andNoMore()));
    }

    @Test
    void theEvaluationRecordsThePolicyVersionAndStageItUsed() {
        rules = TestPolicies.COMPILER.compile(9, TestPolicies.SHIPPED_DEFAULT.document());
        directory.atStage("orders", OnboardingStage.ONBOARDING);
        fixture.givenNoPriorActivity()
                .when(propose(ordersV1()))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof ProposalAccepted accepted
                        && accepted.policy().policyVersion() == 9
                        && accepted.policy().stage() == OnboardingStage.ONBOARDING));
        assertThat(rules.version()).isEqualTo(9);
    }
}
