package org.meshgov.access;

import org.meshgov.identity.Actor;

public record EscalateAccessRequestCommand(String requestId, String escalatedTo, Actor actor) implements AccessCommand {
}
