package org.meshgov.access;

import org.meshgov.identity.Actor;

/** The grant ends because what it grants is gone, for example its contract version was retired. */
public record EndAccessCommand(String requestId, String reason, Actor actor) implements AccessCommand {
}
