package org.meshgov.deprecation;

/** A week after the notice, and a week before the sunset. */
public enum ReminderKind {
    FIRST, FINAL
}
