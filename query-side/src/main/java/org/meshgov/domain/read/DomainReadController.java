package org.meshgov.domain.read;

import java.util.List;
import org.meshgov.governance.UnknownEntityException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/domains")
public class DomainReadController {

    private final DomainQueries queries;

    public DomainReadController(DomainQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<DomainView> list() {
        return queries.all();
    }

    /** The domain with its onboarding stage and every request to change it. */
    @GetMapping("/{domainId}")
    public DomainDetails get(@PathVariable String domainId) {
        DomainView domain = queries.byId(domainId).orElseThrow(() -> new UnknownEntityException("no domain " + domainId));
        return new DomainDetails(domain, queries.stageHistory(domainId));
    }
}
