package org.meshgov.quality;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.meshgov.access.PublishedContracts;
import org.meshgov.access.PublishedContracts.PublishedVersion;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.DomainProfile;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyTarget;
import org.meshgov.policy.PolicyVerdict;
import org.meshgov.quality.QualityResultsRecordedEvent.RecordedResult;

/** One pipeline run's quality results against a published contract version, recorded once. */
public class QualityRun {

    /** Whatever the pipeline calls its runs, as long as it prints on one line and fits in a log. */
    private static final Pattern RUN_ID = Pattern.compile("[^\\p{Cntrl}\\p{Z}\\s\\p{Cf}]{1,200}");

    @AggregateIdentifier
    private String aggregateId;

    protected QualityRun() {
    }

    public static String aggregateId(String contractId, String runId) {
        return "quality-run:" + contractId + ":" + runId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public QualityResultsRecorded handle(RecordQualityResultsCommand command, PublishedContracts contracts,
                                         DomainDirectory domains, ActivePolicies policies, Clock clock) {
        PublishedVersion version = contracts.version(command.contractId(), command.version()).orElseThrow(() ->
                GovernanceViolationException.of("$.version", "contract-published", "contract " + command.contractId()
                        + " has no published version " + command.version()));
        DomainProfile owner = domains.find(version.domain()).orElseThrow();
        Actor actor = command.actor();
        if (!actor.isMemberOf(owner.ownerGroup()) && !actor.isMemberOf(owner.memberGroup())) {
            throw new NotAllowedException("quality results for " + command.contractId() + " come from the pipelines of "
                    + owner.id());
        }
        List<Violation> violations = new ArrayList<>();
        if (command.runId() == null || command.runId().isBlank()) {
            violations.add(new Violation("$.runId", "required", "a run needs an id"));
        } else if (!RUN_ID.matcher(command.runId()).matches()) {
            violations.add(new Violation("$.runId", "run-id-format",
                    "a run id is 1 to 200 characters without spaces or control characters"));
        }
        if (command.runAt() == null) {
            violations.add(new Violation("$.runAt", "required", "say when the run happened"));
        }
        if (command.results().isEmpty()) {
            violations.add(new Violation("$.results", "required", "a run reports at least one result"));
        }
        QualityRules rules = QualityRules.of(version.document());
        List<RecordedResult> recorded = new ArrayList<>();
        for (int i = 0; i < command.results().size(); i++) {
            QualityResult result = command.results().get(i);
            var rule = rules.find(result.rule());
            if (rule.isEmpty()) {
                violations.add(new Violation("$.results[" + i + "].rule", "quality-rule-exists", "version "
                        + command.version() + " has no quality rule with id or name '" + result.rule() + "'"));
            } else {
                recorded.add(new RecordedResult(rule.get().key(), rule.get().severity(), result.passed(),
                        result.measured(), result.details()));
            }
        }
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        QualityResultsRecordedEvent run = new QualityResultsRecordedEvent(command.contractId(), command.version(),
                version.domain(), command.runId(), command.runAt(), recorded, actor.userId(), null);
        PolicyVerdict verdict = policies.current().evaluate(PolicyTarget.QUALITY_RESULT, owner.stage(),
                QualityRunFacts.of(run, Instant.now(clock)));
        verdict.refuseIfEnforced();
        PolicyEvaluation evaluation = verdict.evaluation();
        apply(run.evaluatedAs(evaluation));
        return new QualityResultsRecorded(evaluation.warningLines(), evaluation);
    }

    @EventSourcingHandler
    void on(QualityResultsRecordedEvent event) {
        aggregateId = aggregateId(event.contractId(), event.runId());
    }
}
