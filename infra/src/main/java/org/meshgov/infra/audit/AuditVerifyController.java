package org.meshgov.infra.audit;

import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.audit.Verification.Broken;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Whether the event log is still as it was appended, for those who audit it. */
@RestController
@RequestMapping("/api/audit")
public class AuditVerifyController {

    private final EventChainRepository chain;

    public AuditVerifyController(EventChainRepository chain) {
        this.chain = chain;
    }

    public record ChainReport(long verified, Broken firstBroken, ChainHead head) {
    }

    /** Chain positions {@code from} to {@code to}, by default the whole chain up to its head. */
    @GetMapping("/verify")
    public ChainReport verify(@RequestParam(defaultValue = "1") long from, @RequestParam(required = false) Long to) {
        Actor actor = CurrentActor.get();
        if (!actor.isMemberOf(GlobalGroups.AUDITORS) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only auditors and platform admins verify the event log");
        }
        // the head first: links commit in position order, so every link up to it is already visible
        ChainHead head = chain.head();
        Verification verification = chain.verify(from, to == null ? head.position() : Math.min(to, head.position()));
        return new ChainReport(verification.verified(), verification.firstBroken(), head);
    }
}
