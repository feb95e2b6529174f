package org.meshgov.identity;

import java.util.Set;

/** Who asks for a command: the authenticated user and the groups they belong to at that moment. */
public record Actor(String userId, Set<String> groups) {

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id");
        }
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static Actor of(String userId, String... groups) {
        return new Actor(userId, Set.of(groups));
    }

    /** Machine steps (timers, automatic approvals) act under a name that no person can log in with. */
    public static Actor system(String reason) {
        return new Actor("system:" + reason, Set.of());
    }

    public boolean isMemberOf(String group) {
        return group != null && groups.contains(group);
    }

    public boolean isSystem() {
        return userId.startsWith("system:");
    }
}
