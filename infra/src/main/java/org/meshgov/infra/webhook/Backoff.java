package org.meshgov.infra.webhook;

import java.time.Duration;

/** Waits twice as long after each failure, up to a ceiling, so a receiver that is down is not hammered. */
record Backoff(Duration initial, Duration max) {

    Duration after(int failures) {
        Duration delay = initial.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 30));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
