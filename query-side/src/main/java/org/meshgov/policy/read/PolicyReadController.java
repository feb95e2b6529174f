package org.meshgov.policy.read;

import java.util.List;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.policy.PolicyCompiler;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The policy set in force, every version it ever had, their documents and the schema they follow. */
@RestController
@RequestMapping("/api/policies")
public class PolicyReadController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final PolicyQueries queries;

    public PolicyReadController(PolicyQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public PolicyVersionView active() {
        return queries.active().orElseThrow(() -> new UnknownEntityException("no policy set is in force yet"));
    }

    @GetMapping("/versions")
    public List<PolicyVersionView> history() {
        return queries.history();
    }

    @GetMapping("/versions/{version}")
    public PolicyVersionView version(@PathVariable long version) {
        return queries.version(version).orElseThrow(() -> unknown(version));
    }

    /** The document exactly as it was proposed, comments included. */
    @GetMapping("/versions/{version}/document")
    public ResponseEntity<String> document(@PathVariable long version) {
        return ResponseEntity.ok().contentType(YAML)
                .body(queries.document(version).orElseThrow(() -> unknown(version)).document());
    }

    @GetMapping(value = "/schema", produces = "application/schema+json")
    public String schema() {
        return PolicyCompiler.schema();
    }

    private static UnknownEntityException unknown(long version) {
        return new UnknownEntityException("the policy set has no version " + version);
    }
}
