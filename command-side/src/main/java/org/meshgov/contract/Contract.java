package org.meshgov.contract;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.DomainProfile;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;

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
                                   ContractDocumentRules rules) {
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

        ReviewPlan plan = ReviewPolicy.plan(level, actor.userId(), proposingDomain,
                directory.membersOf(proposingDomain.ownerGroup()));
        apply(new ContractVersionProposedEvent(command.contractId(), version, revision, domainId,
                document.path("name").asText(null), document, ContentHash.of(document), command.documentUrl(),
                latestPublishedVersion == null ? null : latestPublishedVersion.toString(), level, changes, plan,
                actor.userId()));
        return new ProposalAccepted(command.contractId(), version, revision, ContractVersionStatus.IN_REVIEW, level,
                changes);
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
    public void handle(DecideContractReviewCommand command) {
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
                    apply(new ContractVersionPublishedEvent(contractId, command.version(), target.revision(), domain,
                            target.contentHash(), approvers, null));
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
    public void handle(ApproveCosmeticChangeCommand command) {
        VersionUnderGovernance target = requireVersion(command.version());
        requireStatus(target, ContractVersionStatus.IN_REVIEW, "approved automatically");
        if (!target.plan().automatic()) {
            throw GovernanceViolationException.of("$.version", "automatic-approval",
                    command.version() + " has " + target.changeLevel() + " changes and needs reviewers");
        }
        String reason = target.changeLevel() == ChangeLevel.NONE
                ? "no change from " + latestPublishedVersion
                : "only cosmetic changes from " + latestPublishedVersion;
        apply(new ContractVersionPublishedEvent(contractId, command.version(), target.revision(), domain,
                target.contentHash(), List.of(), reason));
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
