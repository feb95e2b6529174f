package org.meshgov.access;

import org.meshgov.identity.Actor;

public record DecideAccessRequestCommand(String requestId, ApprovalRole role, AccessDecision decision, String comment,
                                         Actor actor) implements AccessCommand {
}
