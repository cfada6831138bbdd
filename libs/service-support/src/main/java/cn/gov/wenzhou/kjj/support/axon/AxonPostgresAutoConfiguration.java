package cn.gov.wenzhou.kjj.support.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store on PostgreSQL, the way every service here runs it: Jackson for everything stored
 * (never XStream), projections that stop and retry on an error instead of skipping the event, and tracking
 * processors that read in batches.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(EventProcessingProperties.class)
public class AxonPostgresAutoConfiguration {

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(AxonJson.stateMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(AxonJson.eventMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(AxonJson.stateMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    @Bean
    public SnapshotExecutor snapshotExecutor(@Value("${spring.application.name}") String serviceName) {
        return new SnapshotExecutor(serviceName);
    }

    /** Axon's snapshotter with its auto-configured settings, taking snapshots on {@link SnapshotExecutor}. */
    @Bean
    @ConditionalOnMissingBean(Snapshotter.class)
    public SpringAggregateSnapshotter offThreadSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           SnapshotExecutor executor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    @Bean
    public TransactionalUnitOfWork transactionalUnitOfWork(PlatformTransactionManager transactionManager) {
        return new TransactionalUnitOfWork(new SpringTransactionManager(transactionManager));
    }

    /**
     * A projection that cannot apply an event must not skip it (the default logs and moves on, leaving a view that
     * silently differs from history): the processor stops, retries with back-off and shows the error in its status.
     */
    @Bean
    public ConfigurerModule eventProcessingDefaults(EventProcessingProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(properties.batchSize())
                        .andEventAvailabilityTimeout(properties.eventAvailabilityTimeout().toMillis(),
                                TimeUnit.MILLISECONDS)
                        .andTokenClaimInterval(properties.tokenClaimInterval().toMillis(), TimeUnit.MILLISECONDS)));
    }
}
