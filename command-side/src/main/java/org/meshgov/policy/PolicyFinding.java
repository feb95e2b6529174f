package org.meshgov.policy;

/**
 * A rule that did not hold for a case that went ahead anyway: {@code advisory} (a warning), or
 * {@code enforced} with a remedy (for example a governance review was added).
 */
public record PolicyFinding(String rule, Enforcement enforcement, String message) {
}
