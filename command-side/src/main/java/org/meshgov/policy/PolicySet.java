package org.meshgov.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.meshgov.governance.ApprovalDecision;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;

/**
 * The platform's one policy set and its versions: which is in force, and the one change under
 * review. Versions are numbered in the order they are proposed; changes are reviewed one at a time,
 * so that every proposal is judged against the version it would replace.
 */
public class PolicySet {

    public static final String AGGREGATE_ID = "policy-set:meshgov";

    @AggregateIdentifier
    private String aggregateId;
    private long activeVersion;
    private String activeDocument;
    private long lastVersion;
    private PolicyChangeProposedEvent pending;

    protected PolicySet() {
    }

    /** Returns the version in force; does nothing when a policy set was adopted before. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AdoptDefaultPolicySetCommand command, PolicyCompiler compiler) {
        if (!command.actor().isSystem()) {
            throw new NotAllowedException("the shipped policy set is adopted by the engine itself; propose changes");
        }
        if (lastVersion > 0) {
            return activeVersion;
        }
        PolicyRules rules = compiler.compile(1, command.document());
        apply(new DefaultPolicySetAdoptedEvent(1, command.document(), rules.contentHash(), names(rules),
                command.actor().userId()));
        return 1;
    }

    @CommandHandler
    public PolicyChangeProposed handle(ProposePolicyChangeCommand command, PolicyCompiler compiler) {
        Actor actor = command.actor();
        if (!actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS) && !actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS)) {
            throw new NotAllowedException("only platform admins and governance reviewers propose policy changes");
        }
        if (pending != null) {
            throw new IllegalTransitionException("one-policy-change-at-a-time", "version " + pending.version()
                    + " is in review; decide it before proposing another");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw GovernanceViolationException.of("$.reason", "reason-required", "say why the policy set changes");
        }
        long version = lastVersion + 1;
        PolicyRules proposed = compiler.compile(version, command.document());
        PolicyRules active = compiler.compile(activeVersion, activeDocument);
        if (proposed.contentHash().equals(active.contentHash())) {
            throw GovernanceViolationException.of("$", "policy-changes",
                    "the document is the one in force (version " + activeVersion + ")");
        }
        List<String> changes = proposed.changesFrom(active);
        if (changes.isEmpty()) {
            changes = List.of("no rule changes (wording or comments only)");
        }
        apply(new PolicyChangeProposedEvent(version, activeVersion, command.document(), proposed.contentHash(),
                names(proposed), changes, command.reason().strip(), actor.userId()));
        return new PolicyChangeProposed(version, activeVersion, "IN_REVIEW", changes);
    }

    @CommandHandler
    public void handle(DecidePolicyChangeCommand command) {
        if (pending == null || pending.version() != command.version()) {
            throw new UnknownEntityException("no policy change " + command.version() + " is in review");
        }
        Actor actor = command.actor();
        if (!actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS)) {
            throw new NotAllowedException("only governance reviewers decide on policy changes");
        }
        if (actor.userId().equals(pending.proposedBy())) {
            throw new NotAllowedException("nobody decides on their own proposal: " + actor.userId()
                    + " proposed version " + pending.version());
        }
        if (command.decision() == null) {
            throw GovernanceViolationException.of("$.decision", "decision-required", "decision must be approve or reject");
        }
        if (command.decision() == ApprovalDecision.REJECT) {
            if (command.comment() == null || command.comment().isBlank()) {
                throw GovernanceViolationException.of("$.comment", "comment-required", "a rejection needs a reason");
            }
            apply(new PolicyChangeRejectedEvent(pending.version(), command.comment(), actor.userId()));
            return;
        }
        apply(new PolicySetActivatedEvent(pending.version(), activeVersion, actor.userId(), command.comment()));
    }

    private static List<String> names(PolicyRules rules) {
        return rules.rules().stream().map(PolicyRule::name).toList();
    }

    @EventSourcingHandler
    void on(DefaultPolicySetAdoptedEvent event) {
        aggregateId = AGGREGATE_ID;
        activeVersion = event.version();
        activeDocument = event.document();
        lastVersion = event.version();
    }

    @EventSourcingHandler
    void on(PolicyChangeProposedEvent event) {
        pending = event;
        lastVersion = event.version();
    }

    @EventSourcingHandler
    void on(PolicySetActivatedEvent event) {
        activeVersion = pending.version();
        activeDocument = pending.document();
        pending = null;
    }

    @EventSourcingHandler
    void on(PolicyChangeRejectedEvent event) {
        pending = null;
    }
}
