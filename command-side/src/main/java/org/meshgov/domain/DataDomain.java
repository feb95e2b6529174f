package org.meshgov.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.meshgov.governance.ApprovalDecision;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;

/**
 * A business domain of the mesh: it owns data products, has owners and members, and is at an
 * onboarding stage that decides how strictly policy rules apply to it. Every domain starts as a
 * pilot; the governance group approves each move.
 */
public class DataDomain {

    private static final Pattern DOMAIN_ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @AggregateIdentifier
    private String aggregateId;
    private String domainId;
    private String ownerGroup;
    private OnboardingStage stage;
    private DomainStageChangeRequestedEvent pendingChange;

    protected DataDomain() {
    }

    @CommandHandler
    public DataDomain(RegisterDomainCommand command) {
        if (!command.actor().isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only platform admins register domains");
        }
        List<Violation> violations = new ArrayList<>();
        if (command.domainId() == null || !DOMAIN_ID.matcher(command.domainId()).matches()) {
            violations.add(new Violation("$.id", "domain-id",
                    "a domain id is 2 to 63 lower-case letters, digits or '-', starting with a letter"));
        }
        if (command.name() == null || command.name().isBlank()) {
            violations.add(new Violation("$.name", "required", "a domain needs a name"));
        }
        checkGroup(command.ownerGroup(), "$.ownerGroup", violations);
        checkGroup(command.memberGroup(), "$.memberGroup", violations);
        if (violations.isEmpty() && command.ownerGroup().equals(command.memberGroup())) {
            violations.add(new Violation("$.memberGroup", "distinct-groups",
                    "owners and members must be different groups"));
        }
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        apply(new DomainRegisteredEvent(command.domainId(), command.name(), command.description(),
                command.ownerGroup(), command.memberGroup(), command.actor().userId()));
    }

    private static void checkGroup(String group, String path, List<Violation> violations) {
        if (group == null || !GROUP_ID.matcher(group).matches()) {
            violations.add(new Violation(path, "group-id", "a group id of letters, digits, '.', '_' or '-' is required"));
        }
    }

    @CommandHandler
    public StageChangeRequested handle(RequestDomainStageChangeCommand command) {
        Actor actor = command.actor();
        if (!actor.isMemberOf(ownerGroup) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only the owners of " + domainId + " or platform admins ask to move it");
        }
        if (pendingChange != null) {
            throw new IllegalTransitionException("one-stage-change-at-a-time", domainId + " already waits for "
                    + pendingChange.to() + " (request " + pendingChange.requestId() + ")");
        }
        OnboardingStage target = command.stage();
        boolean reasonGiven = command.reason() != null && !command.reason().isBlank();
        List<Violation> violations = new ArrayList<>();
        if (target == null) {
            violations.add(new Violation("$.stage", "required", "name the stage: PILOT, ONBOARDING or FEDERATED"));
        } else if (target == stage) {
            violations.add(new Violation("$.stage", "stage-changes", domainId + " is already at " + stage));
        } else if (stage.isBefore(target) && !target.isNextAfter(stage)) {
            violations.add(new Violation("$.stage", "one-stage-forward",
                    "a domain moves forward one stage at a time; after " + stage + " comes "
                            + OnboardingStage.values()[stage.ordinal() + 1]));
        } else if (target.isBefore(stage) && !reasonGiven) {
            violations.add(new Violation("$.reason", "reason-required", "say why " + domainId + " moves back to "
                    + target));
        }
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        apply(new DomainStageChangeRequestedEvent(domainId, command.requestId(), stage, target,
                reasonGiven ? command.reason().strip() : null, actor.userId()));
        return new StageChangeRequested(domainId, command.requestId(), stage, target, "PENDING");
    }

    @CommandHandler
    public void handle(DecideDomainStageChangeCommand command) {
        if (pendingChange == null || !pendingChange.requestId().equals(command.requestId())) {
            throw new UnknownEntityException(domainId + " has no pending stage change " + command.requestId());
        }
        Actor actor = command.actor();
        if (!actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS)) {
            throw new NotAllowedException("only governance reviewers decide on stage changes");
        }
        if (actor.userId().equals(pendingChange.requestedBy())) {
            throw new NotAllowedException("nobody decides on their own request: " + actor.userId()
                    + " asked to move " + domainId);
        }
        if (command.decision() == null) {
            throw GovernanceViolationException.of("$.decision", "decision-required", "decision must be approve or reject");
        }
        if (command.decision() == ApprovalDecision.REJECT && (command.comment() == null || command.comment().isBlank())) {
            throw GovernanceViolationException.of("$.comment", "comment-required", "a rejection needs a reason");
        }
        if (command.decision() == ApprovalDecision.APPROVE) {
            apply(new DomainStageChangedEvent(domainId, pendingChange.requestId(), pendingChange.from(),
                    pendingChange.to(), pendingChange.reason(), pendingChange.requestedBy(), actor.userId(),
                    command.comment()));
        } else {
            apply(new DomainStageChangeRejectedEvent(domainId, pendingChange.requestId(), pendingChange.from(),
                    pendingChange.to(), command.comment(), actor.userId()));
        }
    }

    @EventSourcingHandler
    void on(DomainRegisteredEvent event) {
        aggregateId = aggregateId(event.domainId());
        domainId = event.domainId();
        ownerGroup = event.ownerGroup();
        stage = OnboardingStage.PILOT;
    }

    @EventSourcingHandler
    void on(DomainStageChangeRequestedEvent event) {
        pendingChange = event;
    }

    @EventSourcingHandler
    void on(DomainStageChangedEvent event) {
        stage = event.to();
        pendingChange = null;
    }

    @EventSourcingHandler
    void on(DomainStageChangeRejectedEvent event) {
        pendingChange = null;
    }

    /** Aggregate ids share one namespace in the event store, so each type prefixes its own. */
    public static String aggregateId(String domainId) {
        return "domain:" + domainId;
    }
}
