package org.meshgov.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.validation.MalformedDocumentException;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;

class PolicyCompilerTest {

    static final PolicyCompiler COMPILER = TestPolicies.COMPILER;

    static String set(String rules) {
        return "apiVersion: meshgov/v1\nkind: PolicySet\nrules:\n" + rules.stripIndent().indent(2);
    }

    static String rule(String target, String condition) {
        return """
                - name: some-rule
                  target: %s
                  condition: "%s"
                  message: it does not hold
                  enforcement: {pilot: advisory, onboarding: enforced, federated: enforced}
                """.formatted(target, condition);
    }

    static List<Violation> violationsOf(String document) {
        try {
            COMPILER.compile(2, document);
        } catch (GovernanceViolationException e) {
            return e.violations();
        }
        throw new AssertionError("compiled: " + document);
    }

    @Nested
    class TheShippedSet {

        @Test
        void compilesAndCoversEveryRuleTheIssueAsksFor() {
            PolicyRules rules = TestPolicies.SHIPPED_DEFAULT;
            assertThat(rules.rules()).extracting(PolicyRule::name).containsExactly(
                    "contract-owner-team", "contract-support-channel",
                    "sensitive-property-quality-and-classification", "sla-latency-and-frequency",
                    "breaking-change-governance-review", "access-grant-max-duration", "deprecation-minimum-notice",
                    "incident-description-for-severe", "quality-results-reported-promptly");
            assertThat(rules.rules()).extracting(PolicyRule::target).containsAll(List.of(PolicyTarget.values()));
        }

        @Test
        void isValidAgainstThePublishedSchemaAsJsonToo() throws Exception {
            var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            String json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(yaml.readTree(PolicyCompiler.defaultPolicySet()));
            assertThat(COMPILER.compile(1, json).rules()).hasSize(9);
        }
    }

    @Nested
    class RefusingADocument {

        @Test
        void thatBreaksTheSchemaWithThePathOfEachViolation() {
            List<Violation> violations = violationsOf(set("""
                    - name: Bad_Name
                      target: contract-proposal
                      condition: "true"
                      message: m
                      enforcement: {pilot: sometimes, onboarding: enforced, federated: enforced}
                    """));
            assertThat(violations).extracting(Violation::path)
                    .contains("$.rules[0].name", "$.rules[0].enforcement.pilot");
            assertThat(violations).allMatch(v -> v.rule().startsWith("schema:"));
        }

        @Test
        void whoseConditionIsNoCelNamingTheRule() {
            List<Violation> violations = violationsOf(set(rule("contract-proposal", "contract.team.name ==")));
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.path()).isEqualTo("$.rules[0].condition");
                assertThat(v.rule()).isEqualTo("policy-condition");
                assertThat(v.message()).startsWith("some-rule: ");
            });
        }

        @Test
        void whoseConditionIsNotABoolean() {
            assertThat(violationsOf(set(rule("access-request", "request.durationDays + 1"))))
                    .extracting(Violation::rule).containsExactly("policy-condition");
        }

        @Test
        void whoseConditionReadsAnotherTargetsVariables() {
            assertThat(violationsOf(set(rule("access-request", "contract.team.name != ''"))))
                    .extracting(Violation::message).anyMatch(m -> m.contains("contract"));
        }

        @Test
        void withTwoRulesOfOneName() {
            assertThat(violationsOf(set(rule("incident", "true") + rule("incident", "true"))))
                    .extracting(Violation::rule).containsExactly("policy-unique-name");
        }

        @Test
        void withParamsThatDifferBetweenStages() {
            assertThat(violationsOf(set("""
                    - name: grant-days
                      target: access-request
                      condition: request.durationDays <= params.maxDays
                      message: at most {maxDays} days
                      enforcement: {pilot: advisory, onboarding: enforced, federated: enforced}
                      params:
                        pilot: {maxDays: 180}
                        onboarding: {maxDays: 180}
                        federated: {days: 90}
                    """))).extracting(Violation::rule).contains("policy-params-per-stage");
        }

        @Test
        void whoseMessageNamesAParamTheRuleLacks() {
            assertThat(violationsOf(set("""
                    - name: grant-days
                      target: access-request
                      condition: request.durationDays <= 90.0
                      message: at most {maxDays} days
                      enforcement: {pilot: advisory, onboarding: enforced, federated: enforced}
                    """))).extracting(Violation::rule).containsExactly("policy-message-params");
        }

        @Test
        void withARemedyOutsideContractProposals() {
            assertThat(violationsOf(set("""
                    - name: grant-review
                      target: access-request
                      condition: "true"
                      message: m
                      remedy: governance-review
                      enforcement: {pilot: advisory, onboarding: enforced, federated: enforced}
                    """))).extracting(Violation::rule).containsExactly("policy-remedy-target");
        }

        @Test
        void thatIsNoYamlAtAll() {
            assertThatThrownBy(() -> COMPILER.compile(2, "rules: [unclosed"))
                    .isInstanceOf(MalformedDocumentException.class);
        }
    }

    @Nested
    class Evaluating {

        static final PolicyRules RULES = COMPILER.compile(7, set("""
                - name: grant-days
                  target: access-request
                  path: $.until
                  condition: request.durationDays <= params.maxDays
                  message: at most {maxDays} days
                  enforcement: {pilot: off, onboarding: advisory, federated: enforced}
                  params:
                    pilot: {maxDays: 365}
                    onboarding: {maxDays: 180}
                    federated: {maxDays: 90.5}
                - name: reads-what-is-not-there
                  target: access-request
                  condition: request.nothing == 'x'
                  message: cannot tell
                  enforcement: {pilot: off, onboarding: off, federated: advisory}
                """));

        static Map<String, Object> request(double days) {
            return Map.of("request", Map.of("durationDays", days));
        }

        @Test
        void aRuleThatIsOffIsNotEvenEvaluated() {
            assertThat(RULES.evaluate(PolicyTarget.ACCESS_REQUEST, OnboardingStage.PILOT, request(400)).failures())
                    .isEmpty();
        }

        @Test
        void anAdvisoryFailureIsRecordedAndDoesNotRefuse() {
            PolicyVerdict verdict = RULES.evaluate(PolicyTarget.ACCESS_REQUEST, OnboardingStage.ONBOARDING,
                    request(200));
            assertThat(verdict.refused()).isFalse();
            assertThat(verdict.evaluation()).isEqualTo(new PolicyEvaluation(7, OnboardingStage.ONBOARDING,
                    List.of(new PolicyFinding("grant-days", Enforcement.ADVISORY, "at most 180 days"))));
            assertThat(verdict.evaluation().warningLines()).containsExactly("grant-days: at most 180 days");
        }

        @Test
        void anEnforcedFailureRefusesWithTheRuleNameAndPath() {
            PolicyVerdict verdict = RULES.evaluate(PolicyTarget.ACCESS_REQUEST, OnboardingStage.FEDERATED,
                    request(91));
            assertThat(verdict.refusals()).containsExactly(new Violation("$.until", "grant-days", "at most 90.5 days"));
            assertThatThrownBy(verdict::refuseIfEnforced).isInstanceOfSatisfying(PolicyViolationException.class,
                    e -> {
                        assertThat(e.policyVersion()).isEqualTo(7);
                        assertThat(e.stage()).isEqualTo(OnboardingStage.FEDERATED);
                    });
        }

        @Test
        void aConditionThatCannotBeEvaluatedFailsAndSaysWhy() {
            PolicyVerdict verdict = RULES.evaluate(PolicyTarget.ACCESS_REQUEST, OnboardingStage.FEDERATED,
                    request(30));
            assertThat(verdict.evaluation().findings()).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("reads-what-is-not-there");
                assertThat(f.message()).startsWith("cannot tell (the condition could not be evaluated");
            });
        }

        @Test
        void onlyTheRulesOfTheCasesTargetApply() {
            assertThat(RULES.evaluate(PolicyTarget.INCIDENT, OnboardingStage.FEDERATED, Map.of()).failures())
                    .isEmpty();
        }
    }

    @Test
    void theChangesBetweenTwoVersionsAreOneLinePerRule() {
        PolicyRules before = TestPolicies.SHIPPED_DEFAULT;
        String changed = PolicyCompiler.defaultPolicySet()
                .replace("enforcement: {pilot: \"off\", onboarding: advisory, federated: enforced}",
                        "enforcement: {pilot: advisory, onboarding: advisory, federated: enforced}")
                .replace("federated: {maxDays: 90}", "federated: {maxDays: 60}")
                + """
                  - name: purpose-names-a-use
                    target: access-request
                    condition: size(request.purpose) >= 40
                    message: say more about the purpose
                    enforcement: {pilot: off, onboarding: advisory, federated: advisory}
                """;
        List<String> changes = COMPILER.compile(2, changed).changesFrom(before);
        assertThat(changes).containsExactly(
                "changed sla-latency-and-frequency: pilot off -> advisory",
                "changed access-grant-max-duration: federated params {maxDays=90} -> {maxDays=60}",
                "added purpose-names-a-use (access-request): pilot off, onboarding advisory, federated advisory");
    }
}
