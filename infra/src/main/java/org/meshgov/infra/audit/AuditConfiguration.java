package org.meshgov.infra.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key checkpoints are signed with; see ADR 10. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean
    CheckpointSigner checkpointSigner(AuditProperties properties, @Value("${meshgov.demo:false}") boolean demo) {
        return CheckpointSigner.configured(properties.signingKey(), demo);
    }
}
