package org.meshgov.policy;

import java.util.List;

/** The shipped policy set is in force as {@code version} (1), its document kept word for word. */
public record DefaultPolicySetAdoptedEvent(long version, String document, String contentHash, List<String> rules,
                                           String adoptedBy) {
}
