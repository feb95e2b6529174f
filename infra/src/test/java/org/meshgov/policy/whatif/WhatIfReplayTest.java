package org.meshgov.policy.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.PolicyCompiler;
import org.meshgov.policy.whatif.WhatIfReport.DomainOutcome;
import org.meshgov.policy.whatif.WhatIfReport.RuleOutcome;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What-if by replay over a generated history whose answers are known by construction (see
 * {@link GeneratedHistory}), judged by the shipped policy set. {@value #CASES_PROPERTY} sets how
 * many cases (2,000 by default; {@code mvn -Pwhatif-benchmark} runs 100,000) and the test prints
 * the replay rate; with 100,000 it also holds the replay to a minute, when the machine is not busier
 * than its cores.
 */
@MeshgovSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfReplayTest {

    static final String CASES_PROPERTY = "meshgov.whatif.cases";
    static final int CASES = Integer.getInteger(CASES_PROPERTY, 2_000);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    PolicyCompiler compiler;

    DataSource history;

    @BeforeAll
    void writeTheHistory() {
        history = new GeneratedHistory(jdbc, serializer).write(CASES);
    }

    @AfterAll
    void dropTheHistory() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + GeneratedHistory.SCHEMA + " CASCADE");
    }

    /** Outcome counts a rule should have per domain, worked out case by case from how the history was made. */
    static Map<String, long[]> expected(String rule) {
        Map<String, long[]> byDomain = new HashMap<>();
        for (int i = 0; i < CASES; i++) {
            OnboardingStage stage = GeneratedHistory.stageOf(i, CASES);
            String outcome = switch (rule) {
                // 200 days is more than 180 (pilot: advisory, onboarding: enforced) and 90 (federated: enforced)
                case "access-grant-max-duration" -> GeneratedHistory.isAccess(i) && GeneratedHistory.longGrant(i)
                        ? (stage == OnboardingStage.PILOT ? "warned" : "refused") : null;
                // 45 days without consumers is less than 60 (pilot: advisory, onboarding: enforced) and 90
                case "deprecation-minimum-notice" -> GeneratedHistory.isDeprecation(i)
                        && GeneratedHistory.shortNotice(i)
                        ? (stage == OnboardingStage.PILOT ? "warned" : "refused") : null;
                // advisory for pilots and onboarding domains, enforced for federated ones
                case "sensitive-property-quality-and-classification" -> GeneratedHistory.isProposal(i)
                        && GeneratedHistory.unwatchedSensitiveData(i)
                        ? (stage == OnboardingStage.FEDERATED ? "refused" : "warned") : null;
                default -> null;
            };
            if (outcome != null) {
                byDomain.computeIfAbsent(GeneratedHistory.domainOf(i), d -> new long[2])
                        [outcome.equals("refused") ? 0 : 1]++;
            }
        }
        return byDomain;
    }

    @Test
    void everyPastCaseIsJudgedByTheDraftWithItsDomainsStageAtTheTime() {
        PolicyWhatIf whatIf = new PolicyWhatIf(history, serializer, compiler);

        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = system.getProcessCpuTime();
        WhatIfReport report = whatIf.replay(PolicyCompiler.defaultPolicySet(), 5);

        // the machine's load says how much of the wall time was this replay's own
        System.out.printf("what-if replay: %,d cases (%,d events) in %,d ms = %,.0f cases/s; engine CPU %,d ms;"
                        + " load average %.1f on %d cores%n", report.casesEvaluated(), report.eventsRead(),
                report.elapsedMillis(), report.casesPerSecond(), (system.getProcessCpuTime() - cpuBefore) / 1_000_000,
                system.getSystemLoadAverage(), system.getAvailableProcessors());
        assertThat(report.casesEvaluated()).isEqualTo(CASES);
        assertThat(report.casesByTarget()).containsEntry("access-request", (long) countOf(GeneratedHistory::isAccess))
                .containsEntry("contract-proposal", (long) countOf(GeneratedHistory::isProposal))
                .containsEntry("deprecation", (long) countOf(GeneratedHistory::isDeprecation));
        for (String rule : List.of("access-grant-max-duration", "deprecation-minimum-notice",
                "sensitive-property-quality-and-classification")) {
            Map<String, long[]> expected = expected(rule);
            RuleOutcome outcome = report.rules().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
            Map<String, long[]> found = new HashMap<>();
            for (DomainOutcome domain : outcome.domains()) {
                found.put(domain.domain(), new long[] {domain.refused(), domain.warned()});
                assertThat(domain.cases()).hasSizeLessThanOrEqualTo(5);
                assertThat(domain.cases().size() + domain.casesNotListed())
                        .isEqualTo(domain.refused() + domain.warned() + domain.governanceReview());
            }
            assertThat(found).as(rule).usingRecursiveComparison().isEqualTo(expected);
        }
        assertThat(report.rules()).filteredOn(r -> List.of("contract-owner-team", "contract-support-channel",
                "breaking-change-governance-review").contains(r.rule()))
                .allSatisfy(r -> assertThat(r.domains()).isEmpty());
        // wall time says something only when the test has the cores to itself
        if (CASES >= 100_000 && system.getSystemLoadAverage() < system.getAvailableProcessors()) {
            assertThat(report.elapsedMillis()).as("100,000 cases replayed in under a minute").isLessThan(60_000);
        }
        if (CASES >= 100_000) {
            // a second replay runs on code the first one compiled, as in an engine that has been up a while
            long cpu = system.getProcessCpuTime();
            WhatIfReport again = whatIf.replay(PolicyCompiler.defaultPolicySet(), 5);
            System.out.printf("what-if replay again: %,d cases in %,d ms = %,.0f cases/s; engine CPU %,d ms;"
                            + " load average %.1f%n", again.casesEvaluated(), again.elapsedMillis(),
                    again.casesPerSecond(), (system.getProcessCpuTime() - cpu) / 1_000_000,
                    system.getSystemLoadAverage());
        }
    }

    @Test
    void aCaseIsJudgedAtTheStageItsDomainHadThenNotNow() {
        WhatIfReport report = new PolicyWhatIf(history, serializer, compiler)
                .replay(PolicyCompiler.defaultPolicySet(), 1_000);
        DomainOutcome d3 = report.rules().stream().filter(r -> r.rule().equals("access-grant-max-duration"))
                .flatMap(r -> r.domains().stream()).filter(d -> d.domain().equals("d3")).findFirst().orElseThrow();
        assertThat(d3.cases()).extracting(WhatIfReport.CaseOutcome::stage)
                .contains(OnboardingStage.PILOT, OnboardingStage.ONBOARDING);
        assertThat(d3.cases()).allSatisfy(c -> assertThat(c.outcome())
                .isEqualTo(c.stage() == OnboardingStage.PILOT ? "warned" : "refused"));
    }

    static int countOf(java.util.function.IntPredicate kind) {
        int count = 0;
        for (int i = 0; i < CASES; i++) {
            if (kind.test(i)) {
                count++;
            }
        }
        return count;
    }
}
