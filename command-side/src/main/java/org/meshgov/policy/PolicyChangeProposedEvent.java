package org.meshgov.policy;

import java.util.List;

/**
 * A new version of the policy set waits for the governance group. {@code basedOn} is the version in
 * force when it was proposed; {@code changes} says, one line per rule, what it changes from it.
 */
public record PolicyChangeProposedEvent(long version, long basedOn, String document, String contentHash,
                                        List<String> rules, List<String> changes, String reason, String proposedBy) {
}
