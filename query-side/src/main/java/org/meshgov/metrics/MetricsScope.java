package org.meshgov.metrics;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * What a figure is asked about: one domain or all ({@code domain} null), and a window. Things that
 * happen are counted when they happen in {@code [from, to)}; things that are open are counted as
 * they stood at {@code to}, after every event before it.
 */
public record MetricsScope(String domain, Instant from, Instant to) {

    public Timestamp fromTimestamp() {
        return Timestamp.from(from);
    }

    public Timestamp toTimestamp() {
        return Timestamp.from(to);
    }
}
