package org.meshgov.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.meshgov.access.PublishedContracts;
import org.meshgov.access.PublishedContracts.PublishedVersion;
import org.meshgov.contract.compatibility.SemanticVersion;
import org.meshgov.deprecation.ActiveGrants;
import org.meshgov.deprecation.Consumer;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.DomainProfile;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyTarget;
import org.meshgov.policy.PolicyVerdict;

/**
 * Data that broke its contract, driven from raise to close by accountable people: the owning
 * domain acknowledges and assigns, the assignee resolves, the worst incidents close only with a
 * postmortem.
 */
public class Incident {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 20_000;

    @AggregateIdentifier
    private String aggregateId;
    private String incidentId;
    private String domain;
    private String ownerGroup;
    private String contractId;
    private String version;
    private String rule;
    private Instant acknowledgeBy;
    private IncidentSeverity severity;
    private IncidentStatus status;
    private boolean acknowledged;
    private boolean escalated;
    private String assignee;
    private boolean postmortemRequired;
    private boolean postmortemRecorded;
    private final Set<String> runsSeen = new HashSet<>();

    protected Incident() {
    }

    public static String aggregateId(String incidentId) {
        return "incident:" + incidentId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public IncidentRaised handle(RaiseIncidentCommand command, PublishedContracts contracts, ActiveGrants grants,
                                 DomainDirectory directory, AcknowledgementSla sla, ActivePolicies policies,
                                 Clock clock) {
        List<Violation> violations = new ArrayList<>();
        if (command.kind() == null) {
            violations.add(new Violation("$.kind", "required", "say what kind of incident it is"));
        }
        if (command.severity() == null) {
            violations.add(new Violation("$.severity", "required", "say how severe it is (SEV1 to SEV4)"));
        }
        requireText(command.title(), "$.title", MAX_TITLE, violations);
        requireText(command.description(), "$.description", MAX_TEXT, violations);
        PublishedVersion version = publishedVersion(command.contractId(), command.version(), contracts);
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        DomainProfile owner = directory.find(version.domain()).orElseThrow();
        List<String> consumers = consumersOf(version, owner, grants);
        Actor actor = command.actor();
        if (!belongsTo(actor, owner) && !belongsToAnyOf(actor, consumers, directory)) {
            throw new NotAllowedException(actor.userId() + " can raise incidents on " + command.contractId()
                    + " only as a member of " + owner.id() + " or of a domain with access to it");
        }
        IncidentRaisedEvent raised = new IncidentRaisedEvent(command.incidentId(), command.contractId(),
                version.version(), owner.id(), owner.ownerGroup(), command.kind(), command.severity(),
                command.title().strip(), command.description().strip(), null, null, consumers,
                sla.acknowledgeBy(command.severity(), Instant.now(clock)), actor.userId(), null);
        PolicyVerdict verdict = policies.current().evaluate(PolicyTarget.INCIDENT, owner.stage(),
                IncidentFacts.of(raised));
        verdict.refuseIfEnforced();
        PolicyEvaluation evaluation = verdict.evaluation();
        apply(raised.evaluatedAs(evaluation));
        return new IncidentRaised(command.incidentId(), evaluation.warningLines(), evaluation);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(OpenQualityIncidentCommand command, PublishedContracts contracts, ActiveGrants grants,
                         DomainDirectory directory, AcknowledgementSla sla, QualityIncidentSeverity severity,
                         Clock clock) {
        PublishedVersion version = publishedVersion(command.contractId(), command.version(), contracts);
        DomainProfile owner = directory.find(version.domain()).orElseThrow();
        String measured = command.measured() == null ? "" : " (measured " + command.measured() + ")";
        String details = command.details() == null || command.details().isBlank() ? "" : ": " + command.details();
        apply(new IncidentRaisedEvent(command.incidentId(), command.contractId(), version.version(), owner.id(),
                owner.ownerGroup(), IncidentKind.QUALITY, severity.value(),
                "Quality rule " + command.rule() + " failed on " + command.contractId() + " " + version.version(),
                "Run " + command.runId() + " at " + command.runAt() + " failed rule " + command.rule() + measured
                        + details,
                command.rule(), command.runId(), consumersOf(version, owner, grants),
                sla.acknowledgeBy(severity.value(), Instant.now(clock)), command.reportedBy(), null));
        return command.incidentId();
    }

    @CommandHandler
    public void handle(AttachQualityFailureCommand command) {
        if (runsSeen.contains(command.runId())) {
            return;
        }
        requireOpen("a quality failure cannot attach to a " + status + " incident; it opens a new one");
        apply(new QualityFailureAttachedEvent(incidentId, contractId, rule, command.version(), command.runId(),
                command.runAt(), command.measured(), command.details()));
    }

    @CommandHandler
    public void handle(RecordQualityRecoveryCommand command) {
        if (runsSeen.contains(command.runId()) || status != IncidentStatus.OPEN) {
            return;
        }
        apply(new QualityRecoveryRecordedEvent(incidentId, contractId, rule, command.version(), command.runId(),
                command.runAt(), command.measured()));
    }

    @CommandHandler
    public void handle(AcknowledgeIncidentCommand command, DomainDirectory directory) {
        Actor actor = command.actor();
        if (!actor.isMemberOf(ownerGroup) && !(escalated && actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS))) {
            throw new NotAllowedException("only owners of " + domain + " triage its incidents"
                    + (escalated ? " (or, since it was escalated, the governance group)" : ""));
        }
        requireOpen("incident " + incidentId + " is " + status + "; there is nothing left to acknowledge");
        if (acknowledged) {
            throw new IllegalTransitionException("acknowledged-once", "incident " + incidentId
                    + " was already acknowledged");
        }
        if (command.assignee() == null || command.assignee().isBlank()) {
            throw GovernanceViolationException.of("$.assignee", "required", "name the person who fixes it");
        }
        DomainProfile owner = directory.find(domain).orElseThrow();
        if (!directory.membersOf(owner.ownerGroup()).contains(command.assignee())
                && !directory.membersOf(owner.memberGroup()).contains(command.assignee())) {
            throw GovernanceViolationException.of("$.assignee", "assignee-in-domain", command.assignee()
                    + " is not a member of " + domain + ", which owns the incident");
        }
        IncidentSeverity confirmed = command.severity() == null ? severity : command.severity();
        apply(new IncidentAcknowledgedEvent(incidentId, confirmed, severity, command.assignee(),
                blankToNull(command.comment()), actor.userId()));
    }

    @CommandHandler
    public void handle(EscalateIncidentCommand command) {
        if (acknowledged || escalated || status != IncidentStatus.OPEN) {
            return;
        }
        apply(new IncidentEscalatedEvent(incidentId, severity, acknowledgeBy, GlobalGroups.GOVERNANCE_REVIEWERS));
    }

    @CommandHandler
    public IncidentResolution handle(ResolveIncidentCommand command, ActiveGrants grants) {
        Actor actor = command.actor();
        requireAssigneeOrOwner(actor, "resolve");
        requireOpen("incident " + incidentId + " is already " + status);
        if (!acknowledged) {
            throw new IllegalTransitionException("acknowledge-before-resolve", "incident " + incidentId
                    + " must be acknowledged and assigned before it is resolved");
        }
        List<Violation> violations = new ArrayList<>();
        if (command.reason() == null) {
            violations.add(new Violation("$.resolution", "required", "say why it ended: fixed-at-source, "
                    + "false-positive, upstream, expected-change or other"));
        }
        requireText(command.comment(), "$.comment", MAX_TEXT, violations);
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        boolean needsPostmortem = severity.needsPostmortem() && command.reason() != ResolutionReason.FALSE_POSITIVE;
        long major = SemanticVersion.parse(version).map(SemanticVersion::major).orElse(0L);
        List<String> consumers = grants.on(contractId, major).stream().map(Consumer::domain)
                .filter(consumer -> !consumer.equals(domain)).distinct().toList();
        apply(new IncidentResolvedEvent(incidentId, contractId, domain, rule, command.reason(),
                command.comment().strip(), needsPostmortem, consumers, actor.userId()));
        return new IncidentResolution(incidentId, needsPostmortem);
    }

    @CommandHandler
    public void handle(RecordPostmortemCommand command) {
        requireAssigneeOrOwner(command.actor(), "write the postmortem of");
        if (status != IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("postmortem-after-resolution", "incident " + incidentId + " is "
                    + status + "; a postmortem follows the resolution");
        }
        if (postmortemRecorded) {
            throw new IllegalTransitionException("postmortem-once", "incident " + incidentId
                    + " already has its postmortem");
        }
        List<Violation> violations = new ArrayList<>();
        requireText(command.postmortem(), "$.postmortem", MAX_TEXT, violations);
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        apply(new PostmortemRecordedEvent(incidentId, command.postmortem().strip(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(CloseIncidentCommand command) {
        Actor actor = command.actor();
        if (!actor.isSystem()) {
            requireAssigneeOrOwner(actor, "close");
        }
        if (status != IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("close-after-resolution", "incident " + incidentId + " is "
                    + status + "; only a resolved incident closes");
        }
        if (postmortemRequired && !postmortemRecorded) {
            throw new IllegalTransitionException("postmortem-before-close", severity + " incident " + incidentId
                    + " closes only after its postmortem is recorded");
        }
        apply(new IncidentClosedEvent(incidentId, actor.userId()));
    }

    private static PublishedVersion publishedVersion(String contractId, String version, PublishedContracts contracts) {
        if (version == null || version.isBlank()) {
            return contracts.latest(contractId).orElseThrow(() -> GovernanceViolationException.of("$.contractId",
                    "contract-published", "contract " + contractId + " has no published version"));
        }
        return contracts.version(contractId, version).orElseThrow(() -> GovernanceViolationException.of(
                "$.version", "contract-published", "contract " + contractId + " has no published version "
                        + version));
    }

    private static List<String> consumersOf(PublishedVersion version, DomainProfile owner, ActiveGrants grants) {
        long major = SemanticVersion.parse(version.version()).map(SemanticVersion::major).orElse(0L);
        Set<String> consumers = new LinkedHashSet<>();
        for (Consumer consumer : grants.on(version.contractId(), major)) {
            if (!consumer.domain().equals(owner.id())) {
                consumers.add(consumer.domain());
            }
        }
        return List.copyOf(consumers);
    }

    private static boolean belongsTo(Actor actor, DomainProfile domain) {
        return actor.isMemberOf(domain.ownerGroup()) || actor.isMemberOf(domain.memberGroup());
    }

    private static boolean belongsToAnyOf(Actor actor, List<String> domains, DomainDirectory directory) {
        return domains.stream().flatMap(id -> directory.find(id).stream()).anyMatch(d -> belongsTo(actor, d));
    }

    private static void requireText(String text, String path, int max, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(path, "required", path.substring(2) + " must not be empty"));
        } else if (text.length() > max) {
            violations.add(new Violation(path, "max-length", path.substring(2) + " is longer than " + max
                    + " characters"));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void requireOpen(String message) {
        if (status != IncidentStatus.OPEN) {
            throw new IllegalTransitionException("incident-open", message);
        }
    }

    private void requireAssigneeOrOwner(Actor actor, String step) {
        if (!actor.userId().equals(assignee) && !actor.isMemberOf(ownerGroup)) {
            throw new NotAllowedException("only the assignee" + (assignee == null ? "" : " (" + assignee + ")")
                    + " or an owner of " + domain + " can " + step + " incident " + incidentId);
        }
    }

    @EventSourcingHandler
    void on(IncidentRaisedEvent event) {
        aggregateId = aggregateId(event.incidentId());
        incidentId = event.incidentId();
        domain = event.domain();
        ownerGroup = event.ownerGroup();
        contractId = event.contractId();
        version = event.version();
        rule = event.rule();
        acknowledgeBy = event.acknowledgeBy();
        severity = event.severity();
        status = IncidentStatus.OPEN;
        if (event.runId() != null) {
            runsSeen.add(event.runId());
        }
    }

    @EventSourcingHandler
    void on(QualityFailureAttachedEvent event) {
        runsSeen.add(event.runId());
    }

    @EventSourcingHandler
    void on(QualityRecoveryRecordedEvent event) {
        runsSeen.add(event.runId());
    }

    @EventSourcingHandler
    void on(IncidentAcknowledgedEvent event) {
        acknowledged = true;
        severity = event.severity();
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(IncidentEscalatedEvent event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(IncidentResolvedEvent event) {
        status = IncidentStatus.RESOLVED;
        postmortemRequired = event.postmortemRequired();
    }

    @EventSourcingHandler
    void on(PostmortemRecordedEvent event) {
        postmortemRecorded = true;
    }

    @EventSourcingHandler
    void on(IncidentClosedEvent event) {
        status = IncidentStatus.CLOSED;
    }
}
