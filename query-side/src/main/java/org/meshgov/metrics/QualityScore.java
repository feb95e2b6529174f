package org.meshgov.metrics;

import java.util.Locale;

/**
 * Compliance counts every quality result alike; the score weighs each by its rule's severity, so
 * that a failed {@code error} rule costs three times a failed {@code info} rule.
 */
public final class QualityScore {

    private long passedWeight;
    private long totalWeight;
    private long passed;
    private long total;

    private static int weightOf(String severity) {
        return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
            case "error" -> 3;
            case "warning" -> 2;
            default -> 1;
        };
    }

    public void add(String severity, boolean resultsPassed, long results) {
        long weight = weightOf(severity) * results;
        totalWeight += weight;
        total += results;
        if (resultsPassed) {
            passedWeight += weight;
            passed += results;
        }
    }

    public long passed() {
        return passed;
    }

    public long total() {
        return total;
    }

    /** Passed results over all results, 0 to 1; null without results. */
    public Double compliance() {
        return total == 0 ? null : (double) passed / total;
    }

    /** Severity-weighted share of passed results, 0 to 100; null without results. */
    public Double score() {
        return totalWeight == 0 ? null : 100.0 * passedWeight / totalWeight;
    }
}
