package org.meshgov.infra.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyCompiler;
import org.meshgov.policy.PolicyRules;
import org.meshgov.policy.read.PolicyQueries;
import org.springframework.stereotype.Component;

/**
 * The version in force as the policy projection says, read in the command's own transaction so that
 * an activation applies to the very next command; each version is compiled once.
 */
@Component
public class ProjectedPolicies implements ActivePolicies {

    private final PolicyQueries queries;
    private final PolicyCompiler compiler;
    private final Map<Long, PolicyRules> compiled = new ConcurrentHashMap<>();

    public ProjectedPolicies(PolicyQueries queries, PolicyCompiler compiler) {
        this.queries = queries;
        this.compiler = compiler;
    }

    @Override
    public PolicyRules current() {
        long active = queries.activeVersion().orElseThrow(() ->
                new IllegalStateException("no policy set is in force yet; the engine adopts its default at start"));
        return compiled.computeIfAbsent(active, version -> compiler.compile(version,
                queries.document(version).orElseThrow().document()));
    }
}
