package org.meshgov.access.read;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.meshgov.governance.UnknownEntityException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccessReadController {

    private final AccessQueries queries;

    public AccessReadController(AccessQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/access-requests")
    public List<AccessRequestView> requests(@RequestParam(required = false) String status,
                                            @RequestParam(required = false) String consumerDomain,
                                            @RequestParam(required = false) String contractId) {
        return queries.requests(status, consumerDomain, contractId);
    }

    @GetMapping("/api/access-requests/{requestId}")
    public AccessRequestView request(@PathVariable String requestId) {
        return queries.request(requestId).orElseThrow(() -> new UnknownEntityException("no access request " + requestId));
    }

    /** Grants in force at {@code activeAt} (default: now). */
    @GetMapping("/api/access-grants")
    public List<AccessGrantView> grants(@RequestParam(required = false) String contractId,
                                        @RequestParam(required = false) String consumerDomain,
                                        @RequestParam(required = false) Instant activeAt) {
        return queries.grantsActiveAt(activeAt == null ? Instant.now() : activeAt, contractId, consumerDomain);
    }

    public record Consumer(String consumerDomain, List<String> grantIds) {
    }

    /** Consumer domains with grants in force now, per major version. */
    @GetMapping("/api/contracts/{contractId}/consumers")
    public Map<Long, List<Consumer>> consumers(@PathVariable String contractId) {
        return queries.grantsActiveAt(Instant.now(), contractId, null).stream()
                .collect(Collectors.groupingBy(AccessGrantView::majorVersion, TreeMap::new,
                        Collectors.collectingAndThen(Collectors.groupingBy(AccessGrantView::consumerDomain,
                                TreeMap::new, Collectors.mapping(AccessGrantView::grantId, Collectors.toList())),
                                byDomain -> byDomain.entrySet().stream()
                                        .map(e -> new Consumer(e.getKey(), e.getValue())).toList())));
    }
}
