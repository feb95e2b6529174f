package org.meshgov.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Registered domains and who is in their groups, as the command side sees them at the moment a
 * command is handled.
 */
public interface DomainDirectory {

    Optional<DomainProfile> find(String domainId);

    /** The user ids in a group; used to tell when a proposer is the only owner of their domain. */
    Set<String> membersOf(String groupId);
}
