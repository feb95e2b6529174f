package org.meshgov.access;

import org.meshgov.identity.Actor;

/** The consumer's owners let a grant lapse at its end instead of renewing it. */
public record DeclineRenewalCommand(String requestId, String comment, Actor actor) implements AccessCommand {
}
