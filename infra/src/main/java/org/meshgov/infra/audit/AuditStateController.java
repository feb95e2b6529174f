package org.meshgov.infra.audit;

import java.time.Instant;
import java.util.List;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.audit.AggregateStateAsOf.StateAsOf;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "What was true at time T" and "on what evidence", answered from the event log. */
@RestController
public class AuditStateController {

    private final AggregateStateAsOf states;
    private final ReviewEvidence reviews;

    public AuditStateController(AggregateStateAsOf states, ReviewEvidence reviews) {
        this.states = states;
        this.reviews = reviews;
    }

    /** Every review decision on a version with the document the reviewer saw, re-hashed to prove it. */
    @GetMapping("/api/audit/contracts/{contractId}/versions/{version}/decisions")
    public List<ReviewEvidence.Decision> decisions(@PathVariable String contractId, @PathVariable String version) {
        requireAuditorOrAdmin("review evidence");
        return reviews.decisions(contractId, version);
    }

    /** {@code aggregateType} is {@code contract}, {@code domain} or {@code access}; {@code asOf} defaults to now. */
    @GetMapping("/api/audit/state/{aggregateType}/{aggregateId}")
    public StateAsOf state(@PathVariable String aggregateType, @PathVariable String aggregateId,
                           @RequestParam(required = false) Instant asOf) {
        requireAuditorOrAdmin("the state of an aggregate at an instant");
        Instant at = asOf == null ? Instant.now() : asOf;
        return states.rebuild(aggregateType, aggregateId, at).orElseThrow(() -> new UnknownEntityException(
                aggregateType + " " + aggregateId + " did not exist at " + at));
    }

    private static void requireAuditorOrAdmin(String what) {
        Actor actor = CurrentActor.get();
        if (!actor.isMemberOf(GlobalGroups.AUDITORS) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException(what + " is for auditors and platform admins");
        }
    }
}
