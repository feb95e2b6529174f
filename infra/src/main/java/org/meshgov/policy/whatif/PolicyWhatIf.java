package org.meshgov.policy.whatif;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Tally tally = new Tally(rules, casesListed);
        long started = System.nanoTime();
        long eventsRead = log.replay(pastCase -> tally.add(pastCase,
                rules.evaluate(pastCase.target(), pastCase.stage(), pastCase.facts())));
        long elapsedNanos = Math.max(1, System.nanoTime() - started);
        return tally.report(rules.contentHash(), eventsRead, elapsedNanos);
    }

    /** Counts outcomes per rule and domain as the cases stream by; keeps only the first cases of each. */
    private static final class Tally {

        private final PolicyRules rules;
        private final int casesListed;
        private final Map<String, Map<String, Counts>> byRule = new LinkedHashMap<>();
        private final Map<PolicyTarget, Long> byTarget = new EnumMap<>(PolicyTarget.class);
        private long cases;
        private long refused;
        private long warned;

        Tally(PolicyRules rules, int casesListed) {
            this.rules = rules;
            this.casesListed = casesListed;
            rules.rules().forEach(rule -> byRule.put(rule.name(), new TreeMap<>()));
        }

        void add(PastCase pastCase, PolicyVerdict verdict) {
            cases++;
            byTarget.merge(pastCase.target(), 1L, Long::sum);
            if (verdict.refused()) {
                refused++;
            } else if (verdict.failures().stream().anyMatch(PolicyVerdict.Failure::warns)) {
                warned++;
            }
            for (PolicyVerdict.Failure failure : verdict.failures()) {
                String outcome = failure.refuses() ? "refused" : failure.warns() ? "warned" : "governance-review";
                byRule.get(failure.rule().name())
                        .computeIfAbsent(pastCase.domain(), domain -> new Counts())
                        .add(outcome, new CaseOutcome(pastCase.caseId(), outcome, pastCase.stage(), pastCase.at(),
                                failure.message()), casesListed);
            }
        }

        WhatIfReport report(String contentHash, long eventsRead, long elapsedNanos) {
            List<RuleOutcome> outcomes = new ArrayList<>();
            for (PolicyRule rule : rules.rules()) {
                List<DomainOutcome> domains = new ArrayList<>();
                long[] totals = new long[3];
                byRule.get(rule.name()).forEach((domain, counts) -> {
                    domains.add(new DomainOutcome(domain, counts.refused, counts.warned, counts.governanceReview,
                            List.copyOf(counts.cases), counts.notListed));
                    totals[0] += counts.refused;
                    totals[1] += counts.warned;
                    totals[2] += counts.governanceReview;
                });
                outcomes.add(new RuleOutcome(rule.name(), rule.target().wireName(), totals[0], totals[1], totals[2],
                        domains));
            }
            Map<String, Long> targets = new LinkedHashMap<>();
            byTarget.forEach((target, count) -> targets.put(target.wireName(), count));
            return new WhatIfReport(contentHash, eventsRead, cases, targets, refused, warned, elapsedNanos / 1_000_000,
                    Math.round(cases * 1e9 / elapsedNanos * 10) / 10.0, casesListed, outcomes);
        }
    }

    private static final class Counts {
        long refused;
        long warned;
        long governanceReview;
        final List<CaseOutcome> cases = new ArrayList<>();
        long notListed;

        void add(String outcome, CaseOutcome pastCase, int casesListed) {
            switch (outcome) {
                case "refused" -> refused++;
                case "warned" -> warned++;
                default -> governanceReview++;
            }
            if (cases.size() < casesListed) {
                cases.add(pastCase);
            } else {
                notListed++;
            }
        }
    }
}
