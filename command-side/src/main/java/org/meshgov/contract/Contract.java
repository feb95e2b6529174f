package org.meshgov.contract;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.meshgov.contract.compatibility.Change;
import org.meshgov.contract.compatibility.CompatibilityClassifier;
import org.meshgov.contract.compatibility.SemanticVersion;
import org.meshgov.contract.compatibility.VersionBumpRule;
import org.meshgov.contract.validation.ContentHash;
import org.meshgov.deprecation.ActiveGrants;
import org.meshgov.deprecation.AddDeprecationConsumerCommand;
import org.meshgov.deprecation.CancelDeprecationCommand;
import org.meshgov.deprecation.ConfirmMigrationCommand;
import org.meshgov.deprecation.Consumer;
import org.meshgov.deprecation.ConsumerMigratedEvent;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.ContractVersionRetiredEvent;
import org.meshgov.deprecation.DeprecateContractVersionCommand;
import org.meshgov.deprecation.DeprecationAcknowledgedEvent;
import org.meshgov.deprecation.DeprecationCancelledEvent;
import org.meshgov.deprecation.DeprecationConsumerAddedEvent;
import org.meshgov.deprecation.DeprecationFacts;
import org.meshgov.deprecation.DeprecationObjectedEvent;
import org.meshgov.deprecation.DeprecationOpened;
import org.meshgov.deprecation.DeprecationPolicy;
import org.meshgov.deprecation.DeprecationRemindersSentEvent;
import org.meshgov.deprecation.DeprecationResponse;
import org.meshgov.deprecation.DeprecationSunsetExtendedEvent;
import org.meshgov.deprecation.ExtendSunsetCommand;
import org.meshgov.deprecation.ReachSunsetCommand;
import org.meshgov.deprecation.RemindDeprecationConsumersCommand;
import org.meshgov.deprecation.RespondToDeprecationCommand;
import org.meshgov.deprecation.RetireContractVersionCommand;
import org.meshgov.deprecation.SunsetDecisionRequiredEvent;
import org.meshgov.deprecation.VersionDeprecation.ConsumerProgress;
import org.meshgov.deprecation.VersionDeprecation;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.DomainProfile;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyTarget;
import org.meshgov.policy.PolicyVerdict;
import org.meshgov.policy.Remedy;

/**
 * All versions of one data contract (one ODCS {@code id}). One aggregate per contract keeps the
 * version order and the comparison with the latest published version consistent.
 */
public class Contract {

    private static final CompatibilityClassifier CLASSIFIER = new CompatibilityClassifier();

    @AggregateIdentifier
    private String aggregateId;
    private String contractId;
    private String domain;
    private final Map<String, VersionUnderGovernance> versions = new HashMap<>();
    private final Map<String, VersionDeprecation> deprecations = new HashMap<>();
    private final Map<String, Integer> deprecationCounts = new HashMap<>();
    private SemanticVersion highestVersion;
    private SemanticVersion latestPublishedVersion;
    private JsonNode latestPublishedDocument;

    protected Contract() {
    }

    public static String aggregateId(String contractId) {
        return "contract:" + contractId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ProposalAccepted handle(ProposeContractVersionCommand command, DomainDirectory directory,
                                   ContractDocumentRules rules, ActivePolicies policies) {
        JsonNode document = command.document();
        rejectIfAny(rules.check(document));

        String domainId = document.path("domain").asText();
        DomainProfile proposingDomain = directory.find(domainId).orElseThrow(() -> GovernanceViolationException.of(
                "$.domain", "domain-registered", "no domain '" + domainId + "' is registered"));
        Actor actor = command.actor();
        if (!actor.isMemberOf(proposingDomain.ownerGroup()) && !actor.isMemberOf(proposingDomain.memberGroup())) {
            throw new NotAllowedException(actor.userId() + " is neither an owner nor a member of domain " + domainId);
        }
        if (domain != null && !domain.equals(domainId)) {
            throw GovernanceViolationException.of("$.domain", "domain-unchanged",
                    "contract " + contractId + " belongs to domain " + domain + "; a new version cannot move it");
        }

        String version = document.path("version").asText();
        SemanticVersion semanticVersion = SemanticVersion.parse(version).orElseThrow();
        int revision = nextRevision(version, semanticVersion, actor);

        List<Change> changes = latestPublishedDocument == null
                ? List.of() : CLASSIFIER.compare(latestPublishedDocument, document);
        ChangeLevel level = latestPublishedDocument == null ? ChangeLevel.INITIAL : ChangeLevel.of(changes);
        if (latestPublishedVersion != null) {
            rejectIfAny(VersionBumpRule.check(latestPublishedVersion, semanticVersion,
                    CompatibilityClassifier.overall(changes)));
        }

        ContractVersionProposedEvent proposed = new ContractVersionProposedEvent(command.contractId(), version,
                revision, domainId, document.path("name").asText(null), document, ContentHash.of(document),
                command.documentUrl(), latestPublishedVersion == null ? null : latestPublishedVersion.toString(), level,
                changes, null, actor.userId(), null);
        PolicyVerdict verdict = policies.current().evaluate(PolicyTarget.CONTRACT_PROPOSAL, proposingDomain.stage(),
                ContractProposalFacts.of(proposed));
        verdict.refuseIfEnforced();
        ReviewPlan plan = ReviewPolicy.plan(level, actor.userId(), proposingDomain,
                directory.membersOf(proposingDomain.ownerGroup()), verdict.requires(Remedy.GOVERNANCE_REVIEW));
        PolicyEvaluation evaluation = verdict.evaluation();
        apply(proposed.reviewedUnder(plan, evaluation));
        return new ProposalAccepted(command.contractId(), version, revision, ContractVersionStatus.IN_REVIEW, level,
                changes, evaluation.warningLines(), evaluation);
    }

    private int nextRevision(String version, SemanticVersion semanticVersion, Actor actor) {
        VersionUnderGovernance existing = versions.get(version);
        if (existing == null) {
            if (highestVersion != null && semanticVersion.compareTo(highestVersion) <= 0) {
                throw GovernanceViolationException.of("$.version", "version-order",
                        "version " + version + " must be higher than every earlier version of " + contractId
                                + " (highest: " + highestVersion + ")");
            }
            return 1;
        }
        if (existing.status() != ContractVersionStatus.CHANGES_REQUESTED) {
            throw GovernanceViolationException.of("$.version", "version-exists",
                    "version " + version + " is already " + existing.status()
                            + "; only a version on which changes were requested can be revised");
        }
        if (!existing.proposedBy().equals(actor.userId())) {
            throw new NotAllowedException("only " + existing.proposedBy() + ", who proposed " + version + ", can revise it");
        }
        return existing.revision() + 1;
    }

    @CommandHandler
    public void handle(DecideContractReviewCommand command, ActiveGrants grants, DeprecationPolicy policy,
                       Clock clock) {
        VersionUnderGovernance target = requireVersion(command.version());
        requireStatus(target, ContractVersionStatus.IN_REVIEW, "decided");
        Actor actor = command.actor();
        if (actor.userId().equals(target.proposedBy())) {
            throw new NotAllowedException("nobody decides on their own proposal: " + actor.userId()
                    + " proposed " + contractId + " " + command.version());
        }
        ReviewStage pending = target.pendingStage();
        if (command.stage() != pending) {
            throw GovernanceViolationException.of("$.stage", "review-stage",
                    "the " + pending + " review is pending, not the " + command.stage() + " review");
        }
        String reviewingGroup = pending == ReviewStage.OWNER
                ? target.plan().ownerReviewGroup() : GlobalGroups.GOVERNANCE_REVIEWERS;
        boolean escalatedToGovernance = target.escalated() && actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS);
        if (!actor.isMemberOf(reviewingGroup) && !escalatedToGovernance) {
            throw new NotAllowedException(actor.userId() + " is not in " + reviewingGroup
                    + ", which decides the " + pending + " review");
        }
        List<Violation> violations = new ArrayList<>();
        if (command.decision() == null) {
            violations.add(new Violation("$.decision", "decision-required",
                    "decision must be approve, requestChanges or reject"));
        } else if (command.decision().needsComment() && (command.comment() == null || command.comment().isBlank())) {
            violations.add(new Violation("$.comment", "comment-required",
                    "a comment is required to " + command.decision().wireName()));
        }
        if (command.reviewedContentHash() != null && !command.reviewedContentHash().equals(target.contentHash())) {
            violations.add(new Violation("$.reviewedContentHash", "stale-review",
                    "the document was revised after this review started"));
        }
        rejectIfAny(violations);

        apply(new ContractReviewDecidedEvent(contractId, command.version(), target.revision(), pending,
                command.decision(), command.comment(), target.contentHash(), actor.userId()));
        switch (command.decision()) {
            case APPROVE -> {
                if (pending == ReviewStage.GOVERNANCE || !target.plan().requiresGovernanceReview()) {
                    List<String> approvers = new ArrayList<>(target.approvers());
                    approvers.add(actor.userId());
                    publish(new ContractVersionPublishedEvent(contractId, command.version(), target.revision(),
                            domain, target.contentHash(), approvers, null), grants, policy, clock);
                }
            }
            case REJECT -> apply(new ContractVersionRejectedEvent(contractId, command.version(), target.revision(),
                    pending, command.comment(), actor.userId()));
            case REQUEST_CHANGES -> {
                // the decided event alone moves the version to CHANGES_REQUESTED
            }
        }
    }

    @CommandHandler
    public void handle(ApproveCosmeticChangeCommand command, ActiveGrants grants, DeprecationPolicy policy,
                       Clock clock) {
        VersionUnderGovernance target = requireVersion(command.version());
        requireStatus(target, ContractVersionStatus.IN_REVIEW, "approved automatically");
        if (!target.plan().automatic()) {
            throw GovernanceViolationException.of("$.version", "automatic-approval",
                    command.version() + " has " + target.changeLevel() + " changes and needs reviewers");
        }
        String reason = target.changeLevel() == ChangeLevel.NONE
                ? "no change from " + latestPublishedVersion
                : "only cosmetic changes from " + latestPublishedVersion;
        publish(new ContractVersionPublishedEvent(contractId, command.version(), target.revision(), domain,
                target.contentHash(), List.of(), reason), grants, policy, clock);
    }

    /**
     * Publishing a new major version deprecates the latest version of the previous major, with the
     * minimum notice and the new version as its replacement.
     */
    private void publish(ContractVersionPublishedEvent published, ActiveGrants grants, DeprecationPolicy policy,
                         Clock clock) {
        SemanticVersion newVersion = SemanticVersion.parse(published.version()).orElseThrow();
        Optional<SemanticVersion> predecessor = versions.entrySet().stream()
                .filter(v -> v.getValue().status() == ContractVersionStatus.PUBLISHED)
                .map(v -> SemanticVersion.parse(v.getKey()).orElseThrow())
                .filter(v -> v.major() < newVersion.major())
                .max(SemanticVersion::compareTo);
        apply(published);
        predecessor.filter(v -> !hasLaterPublishedInItsMajor(v)).ifPresent(old -> {
            List<Consumer> consumers = grants.on(contractId, old.major());
            Instant sunset = Instant.now(clock).plus(policy.minimumNotice(!consumers.isEmpty()));
            apply(new ContractVersionDeprecatedEvent(contractId, old.toString(), nextDeprecationId(old.toString()),
                    domain, old.major(), "replaced by the new major version " + published.version(), sunset,
                    published.version(), consumers, "system:new-major", null));
        });
    }

    private boolean hasLaterPublishedInItsMajor(SemanticVersion version) {
        return versions.entrySet().stream()
                .filter(v -> v.getValue().status() == ContractVersionStatus.PUBLISHED)
                .map(v -> SemanticVersion.parse(v.getKey()).orElseThrow())
                .anyMatch(v -> v.major() == version.major() && v.compareTo(version) > 0);
    }

    /** Deterministic, so that replaying the command's events always yields the same id. */
    private String nextDeprecationId(String version) {
        long earlier = deprecationCounts.getOrDefault(version, 0);
        return UUID.nameUUIDFromBytes((contractId + "/" + version + "/" + earlier).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @CommandHandler
    public DeprecationOpened handle(DeprecateContractVersionCommand command, DomainDirectory directory,
                                    ActiveGrants grants, DeprecationPolicy policy, ActivePolicies policies,
                                    Clock clock) {
        VersionUnderGovernance target = requireVersion(command.version());
        requireOwner(command.actor(), directory, "deprecate a version");
        if (target.status() != ContractVersionStatus.PUBLISHED) {
            throw GovernanceViolationException.of("$.version", target.status() == ContractVersionStatus.DEPRECATED
                    ? "already-deprecated" : "illegal-transition",
                    "only a published version can be deprecated; " + command.version() + " is " + target.status());
        }
        SemanticVersion version = SemanticVersion.parse(command.version()).orElseThrow();
        List<Consumer> consumers = grants.on(contractId, version.major());
        List<Violation> violations = new ArrayList<>();
        if (command.reason() == null || command.reason().isBlank()) {
            violations.add(new Violation("$.reason", "reason-required", "say why the version is deprecated"));
        }
        Instant earliestSunset = Instant.now(clock).plus(policy.minimumNotice(!consumers.isEmpty()));
        if (command.sunset() == null || command.sunset().isBefore(earliestSunset)) {
            violations.add(new Violation("$.sunset", "minimum-notice", "the sunset must be at least "
                    + policy.minimumNotice(!consumers.isEmpty()).toDays() + " days away"
                    + (consumers.isEmpty() ? "" : " because " + consumers.size() + " domains consume it")
                    + ": " + earliestSunset + " or later"));
        }
        if (command.replacementVersion() != null) {
            VersionUnderGovernance replacement = versions.get(command.replacementVersion());
            boolean later = SemanticVersion.parse(command.replacementVersion())
                    .map(v -> v.compareTo(version) > 0).orElse(false);
            if (replacement == null || replacement.status() != ContractVersionStatus.PUBLISHED || !later) {
                violations.add(new Violation("$.replacementVersion", "replacement-published",
                        "the replacement must be a published later version of " + contractId));
            }
        }
        rejectIfAny(violations);
        String deprecationId = nextDeprecationId(command.version());
        ContractVersionDeprecatedEvent deprecated = new ContractVersionDeprecatedEvent(contractId, command.version(),
                deprecationId, domain, version.major(), command.reason(), command.sunset(),
                command.replacementVersion(), consumers, command.actor().userId(), null);
        PolicyVerdict verdict = policies.current().evaluate(PolicyTarget.DEPRECATION, stageOf(directory),
                DeprecationFacts.of(deprecated, Instant.now(clock)));
        verdict.refuseIfEnforced();
        PolicyEvaluation evaluation = verdict.evaluation();
        apply(deprecated.evaluatedAs(evaluation));
        return new DeprecationOpened(deprecationId, "OPEN", consumers.stream().map(Consumer::domain).toList(),
                evaluation.warningLines(), evaluation);
    }

    private OnboardingStage stageOf(DomainDirectory directory) {
        return directory.find(domain).map(DomainProfile::stage).orElseThrow();
    }

    @CommandHandler
    public void handle(RespondToDeprecationCommand command) {
        VersionDeprecation deprecation = requireOpenDeprecation(command.version());
        if (!deprecation.hasConsumer(command.consumerDomain())) {
            throw GovernanceViolationException.of("$.consumerDomain", "deprecation-consumer",
                    command.consumerDomain() + " is not a consumer of " + contractId + " " + command.version());
        }
        Consumer consumer = deprecation.consumer(command.consumerDomain()).consumer();
        if (!command.actor().isMemberOf(consumer.ownerGroup())) {
            throw new NotAllowedException("only the owners of " + consumer.domain() + " answer for it");
        }
        if (command.response() == DeprecationResponse.OBJECT) {
            if (command.comment() == null || command.comment().isBlank()) {
                throw GovernanceViolationException.of("$.comment", "comment-required", "an objection needs a reason");
            }
            apply(new DeprecationObjectedEvent(contractId, command.version(), deprecation.deprecationId(),
                    consumer.domain(), command.comment(), command.actor().userId()));
            return;
        }
        LocalDate latest = deprecation.sunset().atZone(ZoneOffset.UTC).toLocalDate();
        if (command.plannedMigration() == null || command.plannedMigration().isAfter(latest)) {
            throw GovernanceViolationException.of("$.plannedMigration", "migration-before-sunset",
                    "plan the migration on or before the sunset, " + latest);
        }
        apply(new DeprecationAcknowledgedEvent(contractId, command.version(), deprecation.deprecationId(),
                consumer.domain(), command.plannedMigration(), command.comment(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(ConfirmMigrationCommand command) {
        VersionDeprecation deprecation = requireOpenDeprecation(command.version());
        if (!deprecation.hasConsumer(command.consumerDomain())) {
            throw GovernanceViolationException.of("$.consumerDomain", "deprecation-consumer",
                    command.consumerDomain() + " is not a consumer of " + contractId + " " + command.version());
        }
        ConsumerProgress progress = deprecation.consumer(command.consumerDomain());
        if (!command.actor().isSystem() && !command.actor().isMemberOf(progress.consumer().ownerGroup())) {
            throw new NotAllowedException("only the owners of " + command.consumerDomain() + " confirm its migration");
        }
        if (!progress.migrated()) {
            apply(new ConsumerMigratedEvent(contractId, command.version(), deprecation.deprecationId(),
                    command.consumerDomain(), command.how(), command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(AddDeprecationConsumerCommand command) {
        VersionDeprecation deprecation = deprecations.get(command.version());
        if (deprecation != null && isDeprecated(command.version()) && !deprecation.hasConsumer(command.consumer().domain())) {
            apply(new DeprecationConsumerAddedEvent(contractId, command.version(), deprecation.deprecationId(),
                    command.consumer()));
        }
    }

    @CommandHandler
    public void handle(RemindDeprecationConsumersCommand command) {
        VersionDeprecation deprecation = deprecations.get(command.version());
        if (deprecation != null && isDeprecated(command.version()) && !deprecation.notReady().isEmpty()) {
            apply(new DeprecationRemindersSentEvent(contractId, command.version(), deprecation.deprecationId(),
                    command.reminder(), deprecation.notReady(), GlobalGroups.GOVERNANCE_REVIEWERS));
        }
    }

    /** Retires the version when every consumer is ready; otherwise asks owners and governance to decide. */
    @CommandHandler
    public boolean handle(ReachSunsetCommand command) {
        VersionDeprecation deprecation = requireOpenDeprecation(command.version());
        if (deprecation.notReady().isEmpty()) {
            retire(command.version(), deprecation, "sunset reached and every consumer was ready",
                    command.actor().userId());
            return true;
        }
        apply(new SunsetDecisionRequiredEvent(contractId, command.version(), deprecation.deprecationId(),
                deprecation.notReady()));
        return false;
    }

    @CommandHandler
    public void handle(RetireContractVersionCommand command, DomainDirectory directory) {
        VersionDeprecation deprecation = requireOpenDeprecation(command.version());
        requireOwnerOrGovernance(command.actor(), directory, "retire a version");
        if (command.reason() == null || command.reason().isBlank()) {
            throw GovernanceViolationException.of("$.reason", "reason-required", "say why it is retired anyway");
        }
        retire(command.version(), deprecation, command.reason(), command.actor().userId());
    }

    @CommandHandler
    public void handle(ExtendSunsetCommand command, DomainDirectory directory) {
        VersionDeprecation deprecation = requireOpenDeprecation(command.version());
        requireOwnerOrGovernance(command.actor(), directory, "extend a sunset");
        if (command.newSunset() == null || !command.newSunset().isAfter(deprecation.sunset())) {
            throw GovernanceViolationException.of("$.sunset", "sunset-extended",
                    "a sunset can only move later than " + deprecation.sunset());
        }
        apply(new DeprecationSunsetExtendedEvent(contractId, command.version(), deprecation.deprecationId(),
                deprecation.sunset(), command.newSunset(), command.reason(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(CancelDeprecationCommand command, DomainDirectory directory) {
        VersionDeprecation deprecation = requireOpenDeprecation(command.version());
        requireOwner(command.actor(), directory, "cancel a deprecation");
        if (command.reason() == null || command.reason().isBlank()) {
            throw GovernanceViolationException.of("$.reason", "reason-required", "say why it is cancelled");
        }
        apply(new DeprecationCancelledEvent(contractId, command.version(), deprecation.deprecationId(),
                command.reason(), command.actor().userId()));
    }

    private void retire(String version, VersionDeprecation deprecation, String reason, String by) {
        SemanticVersion retired = SemanticVersion.parse(version).orElseThrow();
        boolean lastOfItsMajor = versions.entrySet().stream()
                .filter(v -> !v.getKey().equals(version))
                .filter(v -> v.getValue().status() == ContractVersionStatus.PUBLISHED
                        || v.getValue().status() == ContractVersionStatus.DEPRECATED)
                .noneMatch(v -> SemanticVersion.parse(v.getKey()).orElseThrow().major() == retired.major());
        apply(new ContractVersionRetiredEvent(contractId, version, deprecation.deprecationId(), retired.major(),
                lastOfItsMajor, reason, by));
    }

    private VersionDeprecation requireOpenDeprecation(String version) {
        requireVersion(version);
        if (!isDeprecated(version)) {
            throw GovernanceViolationException.of("$.version", "deprecation-open",
                    contractId + " " + version + " has no open deprecation");
        }
        return deprecations.get(version);
    }

    private boolean isDeprecated(String version) {
        VersionUnderGovernance target = versions.get(version);
        return target != null && target.status() == ContractVersionStatus.DEPRECATED;
    }

    private void requireOwner(Actor actor, DomainDirectory directory, String action) {
        String owners = directory.find(domain).map(DomainProfile::ownerGroup).orElse(null);
        if (!actor.isMemberOf(owners)) {
            throw new NotAllowedException("only the owners of " + domain + " " + action);
        }
    }

    private void requireOwnerOrGovernance(Actor actor, DomainDirectory directory, String action) {
        String owners = directory.find(domain).map(DomainProfile::ownerGroup).orElse(null);
        if (!actor.isMemberOf(owners) && !actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS)) {
            throw new NotAllowedException("only the owners of " + domain + " or governance reviewers " + action);
        }
    }

    @CommandHandler
    public void handle(EscalateContractReviewCommand command) {
        VersionUnderGovernance target = requireVersion(command.version());
        if (target.status() != ContractVersionStatus.IN_REVIEW) {
            return; // a timer may fire just after the decision; there is nothing left to escalate
        }
        apply(new ContractReviewEscalatedEvent(contractId, command.version(), target.revision(), command.stage(),
                command.escalatedTo(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(WithdrawContractProposalCommand command) {
        VersionUnderGovernance target = requireVersion(command.version());
        if (!target.status().isOpen()) {
            throw GovernanceViolationException.of("$.version", "illegal-transition",
                    command.version() + " is " + target.status() + " and can no longer be withdrawn");
        }
        if (!command.actor().userId().equals(target.proposedBy())) {
            throw new NotAllowedException("only " + target.proposedBy() + ", who proposed " + command.version()
                    + ", can withdraw it");
        }
        apply(new ContractProposalWithdrawnEvent(contractId, command.version(), target.revision(), command.reason(),
                command.actor().userId()));
    }

    private VersionUnderGovernance requireVersion(String version) {
        return Optional.ofNullable(versions.get(version)).orElseThrow(() -> new UnknownEntityException(
                "contract " + contractId + " has no version " + version));
    }

    private static void requireStatus(VersionUnderGovernance target, ContractVersionStatus expected, String action) {
        if (target.status() != expected) {
            throw GovernanceViolationException.of("$.version", "illegal-transition",
                    "a version that is " + target.status() + " cannot be " + action);
        }
    }

    private static void rejectIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
    }

    @EventSourcingHandler
    void on(ContractVersionProposedEvent event) {
        aggregateId = aggregateId(event.contractId());
        contractId = event.contractId();
        domain = event.domain();
        SemanticVersion version = SemanticVersion.parse(event.version()).orElseThrow();
        if (highestVersion == null || version.compareTo(highestVersion) > 0) {
            highestVersion = version;
        }
        versions.put(event.version(), new VersionUnderGovernance(event.document(), event.revision(),
                ContractVersionStatus.IN_REVIEW, event.proposedBy(), event.contentHash(), event.changeLevel(),
                event.reviewPlan(), List.of(), false));
    }

    @EventSourcingHandler
    void on(ContractReviewDecidedEvent event) {
        VersionUnderGovernance decided = versions.get(event.version());
        versions.put(event.version(), switch (event.decision()) {
            case APPROVE -> decided.approvedBy(event.decidedBy());
            case REQUEST_CHANGES -> decided.withStatus(ContractVersionStatus.CHANGES_REQUESTED).withoutApprovals();
            case REJECT -> decided; // the rejection event that follows closes the version
        });
    }

    @EventSourcingHandler
    void on(ContractVersionPublishedEvent event) {
        VersionUnderGovernance published = versions.get(event.version());
        versions.put(event.version(), published.withStatus(ContractVersionStatus.PUBLISHED));
        SemanticVersion version = SemanticVersion.parse(event.version()).orElseThrow();
        if (latestPublishedVersion == null || version.compareTo(latestPublishedVersion) > 0) {
            latestPublishedVersion = version;
            latestPublishedDocument = published.document();
        }
    }

    @EventSourcingHandler
    void on(ContractReviewEscalatedEvent event) {
        versions.computeIfPresent(event.version(), (v, overdue) -> overdue.asEscalated());
    }

    @EventSourcingHandler
    void on(ContractVersionRejectedEvent event) {
        versions.computeIfPresent(event.version(), (v, rejected) -> rejected.withStatus(ContractVersionStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(ContractProposalWithdrawnEvent event) {
        versions.computeIfPresent(event.version(),
                (v, withdrawn) -> withdrawn.withStatus(ContractVersionStatus.WITHDRAWN));
    }

    @EventSourcingHandler
    void on(ContractVersionDeprecatedEvent event) {
        versions.computeIfPresent(event.version(), (v, deprecated) ->
                deprecated.withStatus(ContractVersionStatus.DEPRECATED));
        deprecations.put(event.version(), VersionDeprecation.opened(event));
        deprecationCounts.merge(event.version(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(DeprecationConsumerAddedEvent event) {
        deprecations.computeIfPresent(event.version(), (v, d) -> d.with(event.consumer()));
    }

    @EventSourcingHandler
    void on(DeprecationAcknowledgedEvent event) {
        deprecations.computeIfPresent(event.version(),
                (v, d) -> d.acknowledged(event.consumerDomain(), event.plannedMigration()));
    }

    @EventSourcingHandler
    void on(DeprecationObjectedEvent event) {
        deprecations.computeIfPresent(event.version(), (v, d) -> d.objected(event.consumerDomain(), event.reason()));
    }

    @EventSourcingHandler
    void on(ConsumerMigratedEvent event) {
        deprecations.computeIfPresent(event.version(), (v, d) -> d.migrated(event.consumerDomain()));
    }

    @EventSourcingHandler
    void on(DeprecationSunsetExtendedEvent event) {
        deprecations.computeIfPresent(event.version(), (v, d) -> d.withSunset(event.newSunset()));
    }

    @EventSourcingHandler
    void on(ContractVersionRetiredEvent event) {
        versions.computeIfPresent(event.version(), (v, retired) -> retired.withStatus(ContractVersionStatus.RETIRED));
    }

    @EventSourcingHandler
    void on(DeprecationCancelledEvent event) {
        versions.computeIfPresent(event.version(), (v, kept) -> kept.withStatus(ContractVersionStatus.PUBLISHED));
    }

    /**
     * What the aggregate remembers of each version to judge the next command on it; approvals are
     * in order, owners first.
     */
    private record VersionUnderGovernance(JsonNode document, int revision, ContractVersionStatus status,
                                          String proposedBy, String contentHash, ChangeLevel changeLevel,
                                          ReviewPlan plan, List<String> approvers, boolean escalated) {

        ReviewStage pendingStage() {
            return approvers.isEmpty() ? ReviewStage.OWNER : ReviewStage.GOVERNANCE;
        }

        VersionUnderGovernance withStatus(ContractVersionStatus newStatus) {
            return new VersionUnderGovernance(document, revision, newStatus, proposedBy, contentHash, changeLevel,
                    plan, approvers, escalated);
        }

        VersionUnderGovernance withoutApprovals() {
            return new VersionUnderGovernance(document, revision, status, proposedBy, contentHash, changeLevel, plan,
                    List.of(), escalated);
        }

        VersionUnderGovernance approvedBy(String reviewer) {
            List<String> all = new ArrayList<>(approvers);
            all.add(reviewer);
            return new VersionUnderGovernance(document, revision, status, proposedBy, contentHash, changeLevel, plan,
                    List.copyOf(all), escalated);
        }

        VersionUnderGovernance asEscalated() {
            return new VersionUnderGovernance(document, revision, status, proposedBy, contentHash, changeLevel, plan,
                    approvers, true);
        }
    }
}
