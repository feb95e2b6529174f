package org.meshgov.deprecation.read;

import java.util.List;
import org.meshgov.governance.UnknownEntityException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DeprecationReadController {

    private final DeprecationQueries queries;

    public DeprecationReadController(DeprecationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/deprecations")
    public List<DeprecationView> search(@RequestParam(required = false) String status,
                                        @RequestParam(required = false) String domain) {
        return queries.search(status, domain);
    }

    @GetMapping("/api/deprecations/{deprecationId}")
    public DeprecationView get(@PathVariable String deprecationId) {
        return queries.byId(deprecationId).orElseThrow(() -> new UnknownEntityException("no deprecation " + deprecationId));
    }
}
