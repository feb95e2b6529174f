package org.meshgov.access;

import org.meshgov.identity.Actor;

public record RevokeAccessCommand(String requestId, String reason, Actor actor) implements AccessCommand {
}
