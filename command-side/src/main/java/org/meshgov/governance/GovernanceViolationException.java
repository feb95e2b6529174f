package org.meshgov.governance;

import java.util.List;

/** The command breaks governance rules; nothing is written. */
public class GovernanceViolationException extends RuntimeException {
    private final List<Violation> violations;

    public GovernanceViolationException(List<Violation> violations) {
        super(violations.isEmpty() ? "governance rules violated"
                : violations.get(0).message() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public static GovernanceViolationException of(String path, String rule, String message) {
        return new GovernanceViolationException(List.of(new Violation(path, rule, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
