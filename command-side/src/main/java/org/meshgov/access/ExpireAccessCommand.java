package org.meshgov.access;

import org.meshgov.identity.Actor;

public record ExpireAccessCommand(String requestId, Actor actor) implements AccessCommand {
}
