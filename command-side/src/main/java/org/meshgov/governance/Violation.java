package org.meshgov.governance;

/** One broken rule: where in the input ({@code path}, a JSON path), which rule, and why. */
public record Violation(String path, String rule, String message) {
}
