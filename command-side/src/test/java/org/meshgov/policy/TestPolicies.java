package org.meshgov.policy;

/** Policy sets for fixtures: compiled once per JVM, since compiling loads the schema and CEL. */
public final class TestPolicies {

    public static final PolicyCompiler COMPILER = new PolicyCompiler();

    /** No rules at all: commands are judged as before policies existed, without even the governance review. */
    public static final PolicyRules NONE = COMPILER.compile(0, """
            apiVersion: meshgov/v1
            kind: PolicySet
            rules: []
            """);

    /** The one rule that keeps meshgov's review as it was before policies: breaking changes need governance. */
    public static final PolicyRules GOVERNANCE_FOR_BREAKING_CHANGES = COMPILER.compile(1, """
            apiVersion: meshgov/v1
            kind: PolicySet
            rules:
              - name: breaking-change-governance-review
                target: contract-proposal
                condition: proposal.changeLevel != 'BREAKING'
                message: breaking changes need a governance reviewer
                remedy: governance-review
                enforcement: {pilot: enforced, onboarding: enforced, federated: enforced}
            """);

    public static final PolicyRules SHIPPED_DEFAULT = COMPILER.compile(1, PolicyCompiler.defaultPolicySet());

    private TestPolicies() {
    }

    public static ActivePolicies active(PolicyRules rules) {
        return () -> rules;
    }
}
