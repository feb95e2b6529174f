package org.meshgov.infra.audit;

import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One case's evidence pack, for those who audit it. */
@RestController
public class AuditEvidenceController {

    private final CaseEvidence evidence;

    public AuditEvidenceController(CaseEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/audit/evidence/{aggregateType}/{aggregateId}")
    public CaseEvidence.Pack evidence(@PathVariable String aggregateType, @PathVariable String aggregateId) {
        Actor actor = CurrentActor.get();
        if (!actor.isMemberOf(GlobalGroups.AUDITORS) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only auditors and platform admins read evidence packs");
        }
        return evidence.of(aggregateType, aggregateId);
    }
}
