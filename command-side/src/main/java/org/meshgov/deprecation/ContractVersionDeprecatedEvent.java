package org.meshgov.deprecation;

import java.time.Instant;
import java.util.List;

/**
 * A published version is on its way out: its consumers (domains with grants on its major at this
 * moment) must acknowledge and migrate before the sunset. {@code deprecatedBy} is
 * {@code system:new-major} when a new major version deprecated its predecessor.
 */
public record ContractVersionDeprecatedEvent(String contractId, String version, String deprecationId,
                                             String domain, long majorVersion, String reason, Instant sunset,
                                             String replacementVersion, List<Consumer> consumers,
                                             String deprecatedBy) {
}
