package org.meshgov.infra.axon;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.meshgov.access.AccessPolicy;
import org.meshgov.access.AccessRequest;
import org.meshgov.contract.Contract;
import org.meshgov.deprecation.DeprecationPolicy;
import org.meshgov.contract.ContractDocumentRules;
import org.meshgov.domain.DataDomain;
import org.meshgov.incident.AcknowledgementSla;
import org.meshgov.incident.Incident;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.QualityIncidentSeverity;
import org.meshgov.policy.PolicyCompiler;
import org.meshgov.policy.PolicySet;
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
                .configureAggregate(QualityRun.class)
                .configureAggregate(Incident.class)
                .configureAggregate(PolicySet.class);
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

    /**
     * PostgreSQL reports a unique violation as SQLState 23505 in a plain {@code SQLException}; Axon's
     * JDBC default only recognises {@code SQLIntegrityConstraintViolationException}, so two writers
     * storing the same (aggregate, sequence) looked like a broken event store instead of the
     * {@code ConcurrencyException} (or, on an aggregate's first event, the
     * {@code AggregateStreamCreationException}) that it is.
     */
    @Bean
    PersistenceExceptionResolver duplicateKeyIsAConflict() {
        return new SQLStateResolver("23505");
    }

    /** Any node accepts any command; one that lost a race for its aggregate is sent again (ADR 13). */
    @Bean(destroyMethod = "close")
    ConflictRetryScheduler conflictRetryScheduler() {
        // 20, 40, 80 … 640 ms: six writers racing for one aggregate all get through within about 1.3 s
        return new ConflictRetryScheduler(20, 6, 4);
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler conflictRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(conflictRetryScheduler)
                .build();
    }

    @Bean
    ContractDocumentRules contractDocumentRules() {
        return new ContractDocumentRules();
    }

    @Bean
    PolicyCompiler policyCompiler() {
        return PolicyCompiler.inBackground();
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
    AcknowledgementSla acknowledgementSla(@Value("${meshgov.incident.acknowledge-within.sev1}") String sev1,
                                          @Value("${meshgov.incident.acknowledge-within.sev2}") String sev2,
                                          @Value("${meshgov.incident.acknowledge-within.sev3}") String sev3,
                                          @Value("${meshgov.incident.acknowledge-within.sev4}") String sev4) {
        return AcknowledgementSla.of(sev1, sev2, sev3, sev4);
    }

    @Bean
    QualityIncidentSeverity qualityIncidentSeverity(
            @Value("${meshgov.incident.quality-severity}") IncidentSeverity severity) {
        return new QualityIncidentSeverity(severity);
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
