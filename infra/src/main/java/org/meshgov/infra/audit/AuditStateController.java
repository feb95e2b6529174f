package org.meshgov.infra.audit;

import java.time.Instant;
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

/** "What was true at time T", answered from the event log. */
@RestController
public class AuditStateController {

    private final AggregateStateAsOf states;

    public AuditStateController(AggregateStateAsOf states) {
        this.states = states;
    }

    /** {@code aggregateType} is {@code contract}, {@code domain} or {@code access}; {@code asOf} defaults to now. */
    @GetMapping("/api/audit/state/{aggregateType}/{aggregateId}")
    public StateAsOf state(@PathVariable String aggregateType, @PathVariable String aggregateId,
                           @RequestParam(required = false) Instant asOf) {
        Actor actor = CurrentActor.get();
        if (!actor.isMemberOf(GlobalGroups.AUDITORS) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("the state of an aggregate at an instant is for auditors and platform admins");
        }
        Instant at = asOf == null ? Instant.now() : asOf;
        return states.rebuild(aggregateType, aggregateId, at).orElseThrow(() -> new UnknownEntityException(
                aggregateType + " " + aggregateId + " did not exist at " + at));
    }
}
