package org.meshgov.governance;

/** The case is not in a state where this step can happen (yet, or any more); nothing is written. */
public class IllegalTransitionException extends GovernanceViolationException {

    public IllegalTransitionException(String rule, String message) {
        super(java.util.List.of(new Violation("$", rule, message)));
    }
}
