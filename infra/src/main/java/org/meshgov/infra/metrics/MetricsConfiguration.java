package org.meshgov.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.meshgov.domain.read.DomainQueries;
import org.meshgov.metrics.HealthMetricsQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    DomainTags domainTags(@Value("${meshgov.metrics.max-domain-tags}") int maxDomainTags) {
        return new DomainTags(maxDomainTags);
    }

    @Bean
    MicrometerHealthMeters healthMeters(MeterRegistry registry, DomainTags domainTags) {
        return new MicrometerHealthMeters(registry, domainTags);
    }

    @Bean
    HealthGauges healthGauges(MeterRegistry registry, HealthMetricsQueries queries, DomainQueries domains,
                              DomainTags domainTags, Clock clock) {
        return new HealthGauges(registry, queries, domains, domainTags, clock);
    }
}
