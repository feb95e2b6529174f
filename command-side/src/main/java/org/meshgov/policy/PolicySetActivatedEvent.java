package org.meshgov.policy;

/** From this event on, commands are judged by {@code version}; {@code previousVersion} is no longer in force. */
public record PolicySetActivatedEvent(long version, long previousVersion, String approvedBy, String comment) {
}
