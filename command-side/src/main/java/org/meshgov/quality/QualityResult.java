package org.meshgov.quality;

/** One rule's outcome in a pipeline run; {@code measured} and {@code details} are what the tool reported. */
public record QualityResult(String rule, boolean passed, Double measured, String details) {
}
