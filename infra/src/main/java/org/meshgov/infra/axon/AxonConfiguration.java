package org.meshgov.infra.axon;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.meshgov.contract.Contract;
import org.meshgov.contract.ContractDocumentRules;
import org.meshgov.domain.DataDomain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Aggregates, governance rules and the metadata every event carries: who did it and when. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    ConfigurerModule governanceAggregates() {
        return configurer -> configurer
                .configureAggregate(Contract.class)
                .configureAggregate(DataDomain.class);
    }

    @Bean
    ContractDocumentRules contractDocumentRules() {
        return new ContractDocumentRules();
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
