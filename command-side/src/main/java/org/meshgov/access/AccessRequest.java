package org.meshgov.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.meshgov.access.PublishedContracts.PublishedVersion;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.DomainProfile;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyTarget;
import org.meshgov.policy.PolicyVerdict;

/**
 * A consumer domain's request to read a contract, and the grant it becomes: approved by every
 * required party, then active until it expires, is revoked or ends with the contract version.
 */
public class AccessRequest {

    @AggregateIdentifier
    private String aggregateId;
    private String requestId;
    private String contractId;
    private long majorVersion;
    private String ownerGroup;
    private String consumerDomain;
    private String consumerOwnerGroup;
    private List<String> properties;
    private Instant until;
    private String requestedBy;
    private List<ApprovalRole> approvalsNeeded;
    private final Map<ApprovalRole, String> approvals = new EnumMap<>(ApprovalRole.class);
    private AccessStatus status;
    private boolean escalated;

    protected AccessRequest() {
    }

    public static String aggregateId(String requestId) {
        return "access:" + requestId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public AccessRequestAccepted handle(RequestAccessCommand command, DomainDirectory directory,
                                        PublishedContracts contracts, AccessClaims claims, AccessPolicy policy,
                                        ActivePolicies policies, Clock clock) {
        Actor actor = command.actor();
        DomainProfile consumer = directory.find(command.consumerDomain()).orElseThrow(() ->
                GovernanceViolationException.of("$.consumerDomain", "domain-registered",
                        "no domain '" + command.consumerDomain() + "' is registered"));
        if (!actor.isMemberOf(consumer.ownerGroup()) && !actor.isMemberOf(consumer.memberGroup())) {
            throw new NotAllowedException(actor.userId() + " can only request access for a domain they belong to, not "
                    + consumer.id());
        }
        PublishedVersion published = contracts.latestInMajor(command.contractId(), command.majorVersion())
                .orElseThrow(() -> GovernanceViolationException.of("$.majorVersion", "contract-published",
                        "contract " + command.contractId() + " has no published version " + command.majorVersion()
                                + ".x"));
        SensitiveProperties fields = SensitiveProperties.of(published.document());
        AccessScope scope = AccessScope.of(consumer.id(), command.contractId(), command.majorVersion(),
                command.properties());

        List<Violation> violations = new ArrayList<>();
        checkPurpose(command.purpose(), policy, violations);
        checkProperties(command.properties(), fields, violations);
        checkUntil(command.until(), policy, Instant.now(clock), violations);
        checkNoSecondAccess(scope, command.renewsGrantId(), claims, violations);
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }

        DomainProfile owning = directory.find(published.domain()).orElseThrow();
        List<String> sensitiveRequested = scope.properties().stream().filter(fields.sensitive()::contains).toList();
        boolean ownDomain = owning.id().equals(consumer.id());
        List<ApprovalRole> needed = ownDomain ? List.of()
                : sensitiveRequested.isEmpty() ? List.of(ApprovalRole.OWNER)
                : List.of(ApprovalRole.OWNER, ApprovalRole.PRIVACY);
        AccessRequestedEvent requested = new AccessRequestedEvent(command.requestId(), command.contractId(),
                command.majorVersion(), published.version(), owning.id(), owning.ownerGroup(), consumer.id(),
                consumer.ownerGroup(), command.purpose().trim(), List.copyOf(scope.properties()), sensitiveRequested,
                command.until(), needed, command.renewsGrantId(), actor.userId(), null);
        // the owning domain's stage: its data, its rules for sharing it
        PolicyVerdict verdict = policies.current().evaluate(PolicyTarget.ACCESS_REQUEST, owning.stage(),
                AccessRequestFacts.of(requested, Instant.now(clock)));
        verdict.refuseIfEnforced();
        PolicyEvaluation evaluation = verdict.evaluation();
        apply(requested.evaluatedAs(evaluation));
        if (ownDomain) {
            apply(new AccessGrantedEvent(command.requestId(), command.contractId(), command.majorVersion(),
                    consumer.id(), List.copyOf(scope.properties()), command.until(), List.of(),
                    "requested by the owning domain for its own contract"));
        }
        List<String> warnings = new ArrayList<>();
        if (published.deprecated()) {
            warnings.add(command.contractId() + " " + published.version() + " is deprecated: plan for its replacement");
        }
        warnings.addAll(evaluation.warningLines());
        return new AccessRequestAccepted(command.requestId(), ownDomain ? AccessStatus.GRANTED : AccessStatus.PENDING,
                needed, List.copyOf(warnings), evaluation);
    }

    private static void checkPurpose(String purpose, AccessPolicy policy, List<Violation> violations) {
        if (purpose == null || purpose.trim().length() < policy.minPurposeLength()) {
            violations.add(new Violation("$.purpose", "purpose-meaningful",
                    "say what the data is for, in at least " + policy.minPurposeLength() + " characters"));
        }
    }

    private static void checkProperties(List<String> requested, SensitiveProperties fields,
                                        List<Violation> violations) {
        for (int i = 0; i < requested.size(); i++) {
            if (!fields.exists(requested.get(i))) {
                violations.add(new Violation("$.properties[" + i + "]", "property-exists",
                        "the contract has no property " + requested.get(i) + " (name them object.property)"));
            }
        }
        if (requested.isEmpty() && !fields.sensitive().isEmpty()) {
            violations.add(new Violation("$.properties", "data-minimisation",
                    "the whole contract includes sensitive properties " + fields.sensitive()
                            + "; list only the properties you need"));
        }
    }

    private static void checkUntil(Instant until, AccessPolicy policy, Instant now, List<Violation> violations) {
        if (until == null || !until.isAfter(now)) {
            violations.add(new Violation("$.until", "until-future", "a grant must end in the future"));
        } else if (until.isAfter(now.plus(policy.maxGrantDuration()))) {
            violations.add(new Violation("$.until", "until-max-duration",
                    "a grant lasts at most " + policy.maxGrantDuration().toDays() + " days"));
        }
    }

    private static void checkNoSecondAccess(AccessScope scope, String renewsGrantId, AccessClaims claims,
                                            List<Violation> violations) {
        List<String> holders = claims.holding(scope);
        List<String> others = holders.stream().filter(holder -> !holder.equals(renewsGrantId)).toList();
        if (!others.isEmpty()) {
            violations.add(new Violation("$", "no-duplicate-access", "request " + others.get(0)
                    + " already asks for or holds this access; renew it instead"));
        }
        if (renewsGrantId != null && !holders.contains(renewsGrantId)) {
            violations.add(new Violation("$.renewsGrantId", "renewal-scope",
                    renewsGrantId + " is not an active grant of the same scope"));
        }
    }

    @CommandHandler
    public void handle(DecideAccessRequestCommand command) {
        requireStatus(AccessStatus.PENDING, "decided");
        Actor actor = command.actor();
        if (actor.userId().equals(requestedBy)) {
            throw new NotAllowedException("nobody approves a request they made: " + actor.userId()
                    + " asked for " + requestId);
        }
        if (!approvalsNeeded.contains(command.role())) {
            throw GovernanceViolationException.of("$.role", "approval-role",
                    "request " + requestId + " needs no " + command.role() + " approval");
        }
        if (approvals.containsKey(command.role())) {
            throw GovernanceViolationException.of("$.role", "illegal-transition",
                    "the " + command.role() + " approval was already given");
        }
        String group = command.role() == ApprovalRole.OWNER ? ownerGroup : GlobalGroups.PRIVACY_OFFICERS;
        if (!actor.isMemberOf(group) && !(escalated && actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS))) {
            throw new NotAllowedException(actor.userId() + " is not in " + group + ", which gives the "
                    + command.role() + " approval");
        }
        if (command.decision() == AccessDecision.DENY) {
            if (command.comment() == null || command.comment().isBlank()) {
                throw GovernanceViolationException.of("$.comment", "comment-required", "a denial needs a reason");
            }
            apply(new AccessDeniedEvent(requestId, command.role(), command.comment(), actor.userId()));
            return;
        }
        apply(new AccessApprovedEvent(requestId, command.role(), command.comment(), actor.userId()));
        if (approvals.keySet().containsAll(approvalsNeeded)) {
            apply(new AccessGrantedEvent(requestId, contractId, majorVersion, consumerDomain, properties, until,
                    approvalsNeeded.stream().map(approvals::get).toList(), null));
        }
    }

    @CommandHandler
    public void handle(EscalateAccessRequestCommand command) {
        if (status == AccessStatus.PENDING) {
            apply(new AccessRequestEscalatedEvent(requestId, command.escalatedTo(), command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(ExpireAccessCommand command) {
        if (status == AccessStatus.GRANTED) {
            apply(new AccessExpiredEvent(requestId, contractId, majorVersion, consumerDomain, until));
        }
    }

    @CommandHandler
    public void handle(RevokeAccessCommand command) {
        requireStatus(AccessStatus.GRANTED, "revoked");
        Actor actor = command.actor();
        if (!actor.isMemberOf(ownerGroup) && !actor.isMemberOf(GlobalGroups.PRIVACY_OFFICERS)) {
            throw new NotAllowedException("only the owning domain's owners or privacy officers revoke a grant");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw GovernanceViolationException.of("$.reason", "reason-required", "a revocation needs a reason");
        }
        apply(new AccessRevokedEvent(requestId, contractId, majorVersion, consumerDomain, command.reason(),
                actor.userId()));
    }

    @CommandHandler
    public void handle(EndAccessCommand command) {
        if (status == AccessStatus.GRANTED) {
            apply(new AccessEndedEvent(requestId, contractId, majorVersion, consumerDomain, command.reason()));
        }
    }

    @CommandHandler
    public void handle(DeclineRenewalCommand command) {
        requireStatus(AccessStatus.GRANTED, "left to lapse");
        if (!command.actor().isMemberOf(consumerOwnerGroup)) {
            throw new NotAllowedException("only the owners of " + consumerDomain + " decide on its renewals");
        }
        apply(new AccessRenewalDeclinedEvent(requestId, command.comment(), command.actor().userId()));
    }

    private void requireStatus(AccessStatus expected, String action) {
        if (status != expected) {
            throw GovernanceViolationException.of("$", "illegal-transition",
                    "a " + status + " request cannot be " + action);
        }
    }

    @EventSourcingHandler
    void on(AccessRequestedEvent event) {
        aggregateId = aggregateId(event.requestId());
        requestId = event.requestId();
        contractId = event.contractId();
        majorVersion = event.majorVersion();
        ownerGroup = event.ownerGroup();
        consumerDomain = event.consumerDomain();
        consumerOwnerGroup = event.consumerOwnerGroup();
        properties = event.properties();
        until = event.until();
        requestedBy = event.requestedBy();
        approvalsNeeded = event.approvalsNeeded();
        status = AccessStatus.PENDING;
    }

    @EventSourcingHandler
    void on(AccessApprovedEvent event) {
        approvals.put(event.role(), event.approvedBy());
    }

    @EventSourcingHandler
    void on(AccessRequestEscalatedEvent event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(AccessGrantedEvent event) {
        status = AccessStatus.GRANTED;
    }

    @EventSourcingHandler
    void on(AccessDeniedEvent event) {
        status = AccessStatus.DENIED;
    }

    @EventSourcingHandler
    void on(AccessExpiredEvent event) {
        status = AccessStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(AccessRevokedEvent event) {
        status = AccessStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(AccessEndedEvent event) {
        status = AccessStatus.ENDED;
    }
}
