package org.meshgov.deprecation;

import java.time.Instant;
import java.util.List;
import org.meshgov.policy.PolicyEvaluation;

/**
 * A published version is on its way out: its consumers (domains with grants on its major at this
 * moment) must acknowledge and migrate before the sunset. {@code deprecatedBy} is
 * {@code system:new-major} when a new major version deprecated its predecessor. {@code policy} is
 * how the policy set judged the owners' deprecation; null when a new major deprecated its
 * predecessor (nobody could be refused) and on events written before policies existed.
 */
public record ContractVersionDeprecatedEvent(String contractId, String version, String deprecationId,
                                             String domain, long majorVersion, String reason, Instant sunset,
                                             String replacementVersion, List<Consumer> consumers,
                                             String deprecatedBy, PolicyEvaluation policy) {

    public ContractVersionDeprecatedEvent evaluatedAs(PolicyEvaluation evaluation) {
        return new ContractVersionDeprecatedEvent(contractId, version, deprecationId, domain, majorVersion, reason,
                sunset, replacementVersion, consumers, deprecatedBy, evaluation);
    }
}
