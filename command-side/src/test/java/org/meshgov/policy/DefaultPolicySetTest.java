package org.meshgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.meshgov.access.AccessRequestFacts;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.access.ApprovalRole;
import org.meshgov.contract.ChangeLevel;
import org.meshgov.contract.ContractProposalFacts;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.contract.validation.ContentHash;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.deprecation.Consumer;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.DeprecationFacts;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.incident.IncidentFacts;
import org.meshgov.incident.IncidentKind;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.quality.QualityResultsRecordedEvent;
import org.meshgov.quality.QualityResultsRecordedEvent.RecordedResult;
import org.meshgov.quality.QualityRunFacts;

/** Every rule of the shipped policy set, at every stage: what passes, what warns, what is refused. */
class DefaultPolicySetTest {

    static final PolicyRules DEFAULT = TestPolicies.SHIPPED_DEFAULT;
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    /** The outcome of one rule for one case: passed, warned, refused or remedied (enforced with a remedy). */
    static String outcome(String rule, PolicyTarget target, OnboardingStage stage, Map<String, Object> facts) {
        return DEFAULT.evaluate(target, stage, facts).failures().stream()
                .filter(f -> f.rule().name().equals(rule))
                .map(f -> f.warns() ? "warned" : f.refuses() ? "refused" : "remedied")
                .findFirst().orElse("passed");
    }

    static ObjectNode orders() {
        try {
            return (ObjectNode) new ContractDocumentParser().parse(
                    Files.readAllBytes(Path.of("..", "examples", "orders-v1.0.0.yaml")), DocumentFormat.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The orders example, whose restricted customer_id has no quality rule: sensitive data unwatched. */
    static ObjectNode ordersWithWatchedCustomers() {
        ObjectNode document = orders();
        ObjectNode customer = (ObjectNode) document.path("schema").get(0).path("properties").get(1);
        customer.putArray("quality").addObject().put("id", "customer_id_not_null").put("metric", "nullValues")
                .put("mustBe", 0);
        return document;
    }

    static Map<String, Object> proposal(ObjectNode document, ChangeLevel level) {
        return ContractProposalFacts.of(new ContractVersionProposedEvent("orders-placed", "1.0.0", 1, "orders",
                "Orders placed", document, ContentHash.of(document), "http://localhost/doc", null, level, List.of(),
                null, "mike", null));
    }

    static Map<String, Object> compliant() {
        return proposal(ordersWithWatchedCustomers(), ChangeLevel.INITIAL);
    }

    @Test
    void theOrdersExampleWithItsSensitivePropertyWatchedMeetsEveryContractRuleAtEveryStage() {
        for (OnboardingStage stage : OnboardingStage.values()) {
            assertThat(DEFAULT.evaluate(PolicyTarget.CONTRACT_PROPOSAL, stage, compliant()).failures()).isEmpty();
        }
    }

    @Nested
    class ContractProposals {

        @ParameterizedTest(name = "at {0} a contract without a team is {1}")
        @CsvSource({"PILOT, warned", "ONBOARDING, refused", "FEDERATED, refused"})
        void aContractNamesItsOwnerTeam(OnboardingStage stage, String expected) {
            ObjectNode document = ordersWithWatchedCustomers();
            document.remove("team");
            assertThat(outcome("contract-owner-team", PolicyTarget.CONTRACT_PROPOSAL, stage,
                    proposal(document, ChangeLevel.INITIAL))).isEqualTo(expected);
        }

        @Test
        void aTeamInTheDeprecatedListFormNamesNoOwnerTeam() {
            ObjectNode document = ordersWithWatchedCustomers();
            document.putArray("team").addObject().put("username", "olivia").put("role", "owner");
            assertThat(outcome("contract-owner-team", PolicyTarget.CONTRACT_PROPOSAL, OnboardingStage.ONBOARDING,
                    proposal(document, ChangeLevel.INITIAL))).isEqualTo("refused");
        }

        @ParameterizedTest(name = "at {0} a contract without a support channel is {1}")
        @CsvSource({"PILOT, warned", "ONBOARDING, refused", "FEDERATED, refused"})
        void aContractDeclaresASupportChannel(OnboardingStage stage, String expected) {
            ObjectNode document = ordersWithWatchedCustomers();
            ((ObjectNode) document.path("support").get(0)).put("channel", " ");
            assertThat(outcome("contract-support-channel", PolicyTarget.CONTRACT_PROPOSAL, stage,
                    proposal(document, ChangeLevel.INITIAL))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "at {0} a restricted property without a quality rule is {1}")
        @CsvSource({"PILOT, warned", "ONBOARDING, warned", "FEDERATED, refused"})
        void aSensitivePropertyHasAQualityRule(OnboardingStage stage, String expected) {
            assertThat(outcome("sensitive-property-quality-and-classification", PolicyTarget.CONTRACT_PROPOSAL,
                    stage, proposal(orders(), ChangeLevel.INITIAL))).isEqualTo(expected);
        }

        @Test
        void aPropertyTaggedPiiButNotClassifiedBreaksTheRuleEvenWithAQualityRule() {
            ObjectNode document = ordersWithWatchedCustomers();
            ObjectNode total = (ObjectNode) document.path("schema").get(0).path("properties").get(2);
            total.remove("classification");
            total.putArray("tags").add("pii");
            assertThat(outcome("sensitive-property-quality-and-classification", PolicyTarget.CONTRACT_PROPOSAL,
                    OnboardingStage.FEDERATED, proposal(document, ChangeLevel.INITIAL))).isEqualTo("refused");
        }

        @ParameterizedTest(name = "at {0} an SLA without frequency is {1}")
        @CsvSource({"PILOT, passed", "ONBOARDING, warned", "FEDERATED, refused"})
        void anSlaDeclaresLatencyAndFrequency(OnboardingStage stage, String expected) {
            ObjectNode document = ordersWithWatchedCustomers();
            ((ArrayNode) document.path("slaProperties")).remove(1);
            assertThat(outcome("sla-latency-and-frequency", PolicyTarget.CONTRACT_PROPOSAL, stage,
                    proposal(document, ChangeLevel.INITIAL))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "at {0} a breaking change is {1}")
        @CsvSource({"PILOT, remedied", "ONBOARDING, remedied", "FEDERATED, remedied"})
        void aBreakingChangeGetsAGovernanceReviewAtEveryStage(OnboardingStage stage, String expected) {
            Map<String, Object> breaking = proposal(ordersWithWatchedCustomers(), ChangeLevel.BREAKING);
            assertThat(outcome("breaking-change-governance-review", PolicyTarget.CONTRACT_PROPOSAL, stage, breaking))
                    .isEqualTo(expected);
            assertThat(DEFAULT.evaluate(PolicyTarget.CONTRACT_PROPOSAL, stage, breaking)
                    .requires(Remedy.GOVERNANCE_REVIEW)).isTrue();
        }
    }

    static Map<String, Object> accessFor(Duration duration) {
        return AccessRequestFacts.of(new AccessRequestedEvent("r1", "orders-placed", 1, "1.0.0", "orders",
                "orders-owners", "marketing", "marketing-owners", "weekly campaign attribution", List.of("orders.order_id"),
                List.of(), NOW.plus(duration), List.of(ApprovalRole.OWNER), null, "mia", null), NOW);
    }

    @ParameterizedTest(name = "a grant of {0} days at {1} is {2}")
    @CsvSource({
            "180, PILOT, passed", "181, PILOT, warned",
            "180, ONBOARDING, passed", "181, ONBOARDING, refused",
            "90, FEDERATED, passed", "91, FEDERATED, refused"})
    void aGrantLastsAtMostTheStagesMaximum(int days, OnboardingStage stage, String expected) {
        assertThat(outcome("access-grant-max-duration", PolicyTarget.ACCESS_REQUEST, stage,
                accessFor(Duration.ofDays(days)))).isEqualTo(expected);
    }

    @Test
    void anHourMoreThanTheMaximumIsMoreThanTheMaximum() {
        assertThat(outcome("access-grant-max-duration", PolicyTarget.ACCESS_REQUEST, OnboardingStage.FEDERATED,
                accessFor(Duration.ofDays(90).plusHours(1)))).isEqualTo("refused");
    }

    static Map<String, Object> deprecationWith(int noticeDays, List<Consumer> consumers) {
        return DeprecationFacts.of(new ContractVersionDeprecatedEvent("orders-placed", "1.0.0", "d1", "orders", 1,
                "moving to the event feed", NOW.plus(Duration.ofDays(noticeDays)), null, consumers, "olivia", null),
                NOW);
    }

    @ParameterizedTest(name = "{0} days of notice with {1} consumers at {2} is {3}")
    @CsvSource({
            "30, 0, PILOT, warned", "60, 0, PILOT, passed", "119, 1, PILOT, warned", "120, 1, PILOT, passed",
            "60, 0, ONBOARDING, passed", "59, 0, ONBOARDING, refused", "119, 1, ONBOARDING, refused",
            "90, 0, FEDERATED, passed", "179, 1, FEDERATED, refused", "180, 1, FEDERATED, passed"})
    void aDeprecationGivesTheStagesNotice(int days, int consumers, OnboardingStage stage, String expected) {
        List<Consumer> consuming = consumers == 0 ? List.of() : List.of(new Consumer("marketing", "marketing-owners"));
        assertThat(outcome("deprecation-minimum-notice", PolicyTarget.DEPRECATION, stage,
                deprecationWith(days, consuming))).isEqualTo(expected);
    }

    static Map<String, Object> incident(IncidentSeverity severity, String description) {
        return IncidentFacts.of(new IncidentRaisedEvent("i1", "orders-placed", "1.0.0", "orders", "orders-owners",
                IncidentKind.FRESHNESS, severity, "Orders late", description, null, null, List.of(), NOW, "olivia",
                null));
    }

    @ParameterizedTest(name = "a {0} incident described in {1} characters at {2} is {3}")
    @CsvSource({
            "SEV1, 39, PILOT, warned", "SEV1, 40, PILOT, passed", "SEV4, 5, FEDERATED, passed",
            "SEV2, 79, ONBOARDING, passed", "SEV2, 79, FEDERATED, refused", "SEV2, 80, FEDERATED, passed"})
    void aSevereIncidentIsDescribedInDetail(IncidentSeverity severity, int length, OnboardingStage stage,
                                            String expected) {
        assertThat(outcome("incident-description-for-severe", PolicyTarget.INCIDENT, stage,
                incident(severity, "x".repeat(length)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "results reported {0} hours after the run at {1} are {2}")
    @CsvSource({"100, PILOT, passed", "24, ONBOARDING, passed", "25, ONBOARDING, warned", "25, FEDERATED, warned"})
    void qualityResultsAreReportedPromptly(int hours, OnboardingStage stage, String expected) {
        Instant runAt = NOW.minus(Duration.ofHours(hours));
        Map<String, Object> run = QualityRunFacts.of(new QualityResultsRecordedEvent("orders-placed", "1.0.0",
                "orders", "run-1", runAt, List.of(new RecordedResult("order_total_not_negative", "error", true, 0.0,
                null)), "mike", null), NOW);
        assertThat(outcome("quality-results-reported-promptly", PolicyTarget.QUALITY_RESULT, stage, run))
                .isEqualTo(expected);
    }
}
