package org.meshgov.deprecation;

import java.time.Duration;

/**
 * How much notice consumers get: a minimum before the sunset (longer when the version has active
 * grants), a first reminder after a week of silence and a last one a week before the sunset.
 */
public record DeprecationPolicy(Duration minimumNotice, Duration minimumNoticeWithConsumers,
                                Duration firstReminderAfter, Duration finalReminderBefore) {

    public static DeprecationPolicy defaults() {
        return new DeprecationPolicy(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(7), Duration.ofDays(7));
    }

    public Duration minimumNotice(boolean hasConsumers) {
        return hasConsumers ? minimumNoticeWithConsumers : minimumNotice;
    }
}
