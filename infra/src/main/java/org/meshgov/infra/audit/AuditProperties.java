package org.meshgov.infra.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the chain head is signed, and with which key. The key is a secret of the deployment, not
 * of a node: every node must sign with the same one, or auditors would have to trust several.
 */
@ConfigurationProperties("meshgov.audit")
public record AuditProperties(
        @DefaultValue("PT1H") Duration checkpointInterval,
        String signingKey) {

    public AuditProperties {
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("meshgov.audit.checkpoint-interval must be positive");
        }
    }
}
