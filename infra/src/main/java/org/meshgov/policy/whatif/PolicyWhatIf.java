package org.meshgov.policy.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.meshgov.policy.PolicyCompiler;
import org.meshgov.policy.PolicyRule;
import org.meshgov.policy.PolicyRules;
import org.meshgov.policy.PolicyTarget;
import org.meshgov.policy.PolicyVerdict;
import org.meshgov.policy.whatif.WhatIfReport.CaseOutcome;
import org.meshgov.policy.whatif.WhatIfReport.DomainOutcome;
import org.meshgov.policy.whatif.WhatIfReport.RuleOutcome;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Judges every past case in the event log by a draft policy set, with each domain's stage as it was
 * then, before anyone proposes to switch the draft on. Writes nothing.
 */
@Component
public class PolicyWhatIf {

    private final EventLogCases log;
    private final PolicyCompiler compiler;

    public PolicyWhatIf(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer,
                        PolicyCompiler compiler) {
        this.log = new EventLogCases(dataSource, serializer);
        this.compiler = compiler;
    }

    /**
     * @param casesListed how many cases to name per rule and domain
     * @throws org.meshgov.governance.GovernanceViolationException when the draft is no valid policy set
     */
    public WhatIfReport replay(String draft, int casesListed) {
        PolicyRules rules = compiler.compile(0, draft);
        List<Tally> tallies = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        long eventsRead = log.replay(() -> {
            Tally tally = new Tally();
            tallies.add(tally);
            return pastCase -> tally.add(pastCase, rules.evaluate(pastCase.target(), pastCase.stage(),
                    pastCase.facts()), casesListed);
        });
        long elapsedNanos = Math.max(1, System.nanoTime() - started);
        return report(rules, tallies, casesListed, eventsRead, elapsedNanos);
    }

    private static WhatIfReport report(PolicyRules rules, List<Tally> tallies, int casesListed, long eventsRead,
                                       long elapsedNanos) {
        long cases = 0;
        long refused = 0;
        long warned = 0;
        Map<PolicyTarget, Long> byTarget = new EnumMap<>(PolicyTarget.class);
        Map<String, Map<String, Counts>> byRule = new LinkedHashMap<>();
        for (Tally tally : tallies) {
            cases += tally.cases;
            refused += tally.refused;
            warned += tally.warned;
            tally.byTarget.forEach((target, count) -> byTarget.merge(target, count, Long::sum));
            tally.byRule.forEach((rule, domains) -> domains.forEach((domain, counts) -> byRule
                    .computeIfAbsent(rule, r -> new TreeMap<>())
                    .merge(domain, counts, (a, b) -> a.plus(b, casesListed))));
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (PolicyRule rule : rules.rules()) {
            List<DomainOutcome> domains = new ArrayList<>();
            long[] totals = new long[3];
            byRule.getOrDefault(rule.name(), Map.of()).forEach((domain, counts) -> {
                domains.add(new DomainOutcome(domain, counts.refused, counts.warned, counts.governanceReview,
                        List.copyOf(counts.cases), counts.total() - counts.cases.size()));
                totals[0] += counts.refused;
                totals[1] += counts.warned;
                totals[2] += counts.governanceReview;
            });
            outcomes.add(new RuleOutcome(rule.name(), rule.target().wireName(), totals[0], totals[1], totals[2],
                    domains));
        }
        Map<String, Long> targets = new LinkedHashMap<>();
        byTarget.forEach((target, count) -> targets.put(target.wireName(), count));
        return new WhatIfReport(rules.contentHash(), eventsRead, cases, targets, refused, warned,
                elapsedNanos / 1_000_000, Math.round(cases * 1e10 / elapsedNanos) / 10.0, casesListed, outcomes);
    }

    /** One judging thread's counts; it sees its cases in log order. */
    private static final class Tally {
        long cases;
        long refused;
        long warned;
        final Map<PolicyTarget, Long> byTarget = new EnumMap<>(PolicyTarget.class);
        final Map<String, Map<String, Counts>> byRule = new LinkedHashMap<>();

        void add(PastCase pastCase, PolicyVerdict verdict, int casesListed) {
            cases++;
            byTarget.merge(pastCase.target(), 1L, Long::sum);
            if (verdict.refused()) {
                refused++;
            } else if (verdict.failures().stream().anyMatch(PolicyVerdict.Failure::warns)) {
                warned++;
            }
            for (PolicyVerdict.Failure failure : verdict.failures()) {
                String outcome = failure.refuses() ? "refused" : failure.warns() ? "warned" : "governance-review";
                byRule.computeIfAbsent(failure.rule().name(), rule -> new TreeMap<>())
                        .computeIfAbsent(pastCase.domain(), domain -> new Counts())
                        .add(new CaseOutcome(pastCase.caseId(), pastCase.globalIndex(), outcome, pastCase.stage(),
                                pastCase.at(), failure.message()), casesListed);
            }
        }
    }

    /** Outcomes of one rule in one domain, and the first cases in log order. */
    private static final class Counts {
        long refused;
        long warned;
        long governanceReview;
        final List<CaseOutcome> cases = new ArrayList<>();

        void add(CaseOutcome pastCase, int casesListed) {
            switch (pastCase.outcome()) {
                case "refused" -> refused++;
                case "warned" -> warned++;
                default -> governanceReview++;
            }
            if (cases.size() < casesListed) {
                cases.add(pastCase);
            }
        }

        long total() {
            return refused + warned + governanceReview;
        }

        /** Each thread keeps its first cases, so the first of all are among them. */
        Counts plus(Counts other, int casesListed) {
            Counts sum = new Counts();
            sum.refused = refused + other.refused;
            sum.warned = warned + other.warned;
            sum.governanceReview = governanceReview + other.governanceReview;
            sum.cases.addAll(cases);
            sum.cases.addAll(other.cases);
            sum.cases.sort(Comparator.comparingLong(CaseOutcome::globalIndex));
            sum.cases.subList(Math.min(casesListed, sum.cases.size()), sum.cases.size()).clear();
            return sum;
        }
    }
}
