package org.meshgov.infra.audit;

import java.time.Instant;
import java.util.List;
import org.meshgov.domain.read.DomainQueries;
import org.meshgov.domain.read.DomainView;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.infra.audit.AuditEvents.AuditEvent;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who did what, when: the event log with cursor paging by chain position. Auditors and platform
 * admins read all of it; everyone else the history of the domains they belong to.
 */
@RestController
public class AuditEventsController {

    private static final int MAX_PAGE = 1000;

    private final AuditEvents events;
    private final DomainQueries domains;

    public AuditEventsController(AuditEvents events, DomainQueries domains) {
        this.events = events;
        this.domains = domains;
    }

    /** {@code next}: the {@code after} that reads the next page, or null on the last one. */
    public record Page(List<AuditEvent> events, Long next) {
    }

    @GetMapping("/api/audit/events")
    public Page events(@RequestParam(required = false) String aggregateType,
                                      @RequestParam(required = false) String aggregateId,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) String actor,
                                      @RequestParam(required = false) String domain,
                                      @RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to,
                                      @RequestParam(defaultValue = "0") long after,
                                      @RequestParam(defaultValue = "100") int limit) {
        Actor caller = CurrentActor.get();
        boolean readsEverything = caller.isMemberOf(GlobalGroups.AUDITORS)
                || caller.isMemberOf(GlobalGroups.PLATFORM_ADMINS);
        List<String> visible = readsEverything ? null : domains.all().stream()
                .filter(d -> caller.isMemberOf(d.ownerGroup()) || caller.isMemberOf(d.memberGroup()))
                .map(DomainView::id).toList();
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        List<AuditEvent> page = events.find(new AuditEvents.Filter(aggregateType, aggregateId, type, actor, domain,
                from, to, Math.max(0, after), pageSize, visible));
        return new Page(page, page.size() < pageSize ? null : page.get(page.size() - 1).position());
    }
}
