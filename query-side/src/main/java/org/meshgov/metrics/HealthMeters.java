package org.meshgov.metrics;

import java.time.Duration;

/**
 * What the metrics projection observes as it happens, for meters that a monitoring system scrapes.
 * Called once per event, after the transaction that recorded it committed, and never during a rebuild.
 */
public interface HealthMeters {

    void published(String domain, Duration sinceProposal);

    void reviewStageEnded(String domain, String stage, Duration waited);

    void reviewDecided(String domain, String decision);

    /** {@code kind} is review, access or incident. */
    void escalated(String domain, String kind);

    void incidentRaised(String domain, String severity, String kind);

    void incidentAcknowledged(String domain, String severity, Duration sinceRaised);

    void incidentResolved(String domain, String severity, Duration sinceRaised);

    void accessDecided(String domain, Duration sinceRequested);
}
