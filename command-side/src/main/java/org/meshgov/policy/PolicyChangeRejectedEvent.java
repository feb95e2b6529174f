package org.meshgov.policy;

/** The governance group kept the policy set in force; {@code version} never applied. */
public record PolicyChangeRejectedEvent(long version, String comment, String rejectedBy) {
}
