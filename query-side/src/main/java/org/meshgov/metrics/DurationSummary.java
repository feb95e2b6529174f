package org.meshgov.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * How long things took: count, median, 90th percentile and longest, in seconds (null when there
 * is nothing to summarise). Percentiles are by nearest rank: the smallest value that at least p%
 * of the values do not exceed, so every figure is one that really happened.
 */
public record DurationSummary(int count, Double p50Seconds, Double p90Seconds, Double maxSeconds) {

    public static final DurationSummary NONE = new DurationSummary(0, null, null, null);

    public static DurationSummary of(Collection<Duration> durations) {
        if (durations.isEmpty()) {
            return NONE;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return new DurationSummary(sorted.size(), seconds(nearestRank(sorted, 50)), seconds(nearestRank(sorted, 90)),
                seconds(sorted.get(sorted.size() - 1)));
    }

    static Duration nearestRank(List<Duration> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
