package org.meshgov.infra.axon;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.meshgov.access.AccessPolicy;
import org.meshgov.access.AccessRequest;
import org.meshgov.contract.Contract;
import org.meshgov.deprecation.DeprecationPolicy;
import org.meshgov.contract.ContractDocumentRules;
import org.meshgov.domain.DataDomain;
import org.meshgov.quality.QualityRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Aggregates, governance rules and the metadata every event carries: who did it and when. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    ConfigurerModule governanceAggregates() {
        return configurer -> configurer
                .configureAggregate(Contract.class)
                .configureAggregate(DataDomain.class)
                .configureAggregate(AccessRequest.class)
                .configureAggregate(QualityRun.class);
    }

    /**
     * A handler that fails makes its processor retry the event, with back-off, instead of logging
     * and skipping it: a skipped event would be a process never started or a webhook never sent.
     */
    @Bean
    ConfigurerModule failedEventsAreRetriedNotSkipped() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    ContractDocumentRules contractDocumentRules() {
        return new ContractDocumentRules();
    }

    @Bean
    AccessPolicy accessPolicy(@Value("${meshgov.access.max-grant-duration}") Duration maxGrantDuration,
                              @Value("${meshgov.access.min-purpose-length}") int minPurposeLength,
                              @Value("${meshgov.access.renewal-notice}") Duration renewalNotice) {
        return new AccessPolicy(maxGrantDuration, minPurposeLength, renewalNotice);
    }

    @Bean
    DeprecationPolicy deprecationPolicy(@Value("${meshgov.deprecation.minimum-notice}") Duration minimumNotice,
                                        @Value("${meshgov.deprecation.minimum-notice-with-consumers}")
                                        Duration withConsumers,
                                        @Value("${meshgov.deprecation.first-reminder-after}") Duration firstReminder,
                                        @Value("${meshgov.deprecation.final-reminder-before}") Duration finalReminder) {
        return new DeprecationPolicy(minimumNotice, withConsumers, firstReminder, finalReminder);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetaData.ACTOR, ActorMetaData.ACTED_AT);
    }
}
