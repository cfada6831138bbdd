package cn.gov.wenzhou.kjj.support.axon;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
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
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon's embedded event store on PostgreSQL, the way every service here runs it: Jackson for everything stored
 * (never XStream), projections that stop and retry on an error instead of skipping the event, and pooled streaming
 * processors that split their work into segments claimed through the token store and read in batches
 * ({@link EventProcessingProperties}).
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class,
        JpaEventStoreAutoConfiguration.class})
@EnableConfigurationProperties(EventProcessingProperties.class)
// what Axon's JpaEventStoreAutoConfiguration, which steps back for the engine declared here, would have registered
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class AxonPostgresAutoConfiguration {

    /** How often an idle processor looks for events another instance stored: Axon's own idle poll. */
    private static final Duration IDLE_TICK = Duration.ofMillis(500);

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
     * Axon's JPA storage engine exactly as its auto-configuration builds it (serializers, upcaster chain, snapshot
     * filter, exception resolver), with the one setting it does not expose: events per query
     * ({@code stb.event-processing.fetch-batch}).
     */
    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 EventProcessingProperties properties) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(properties.fetchBatch())
                .build();
    }

    /**
     * This instance among the service's others in the token store; created after Flyway's migrations (the table
     * exists) and, as a bean, before the processors start with the context.
     */
    @Bean
    public TokenClaims tokenClaims(ObjectProvider<FlywayMigrationInitializer> migrations, DataSource dataSource,
                                   Serializer serializer, EventProcessingProperties properties) {
        migrations.ifAvailable(initializer -> { });
        return new TokenClaims(new JdbcTemplate(dataSource), serializer, properties)
                .announceEvery(properties.claimExtensionThreshold());
    }

    /** One instance of the service at a time starts its processors (and creates their tokens). */
    @Bean
    public ProcessorStartLock processorStartLock(DataSource dataSource) {
        return new ProcessorStartLock(dataSource);
    }

    @Bean
    public ProcessorStartLock.Release processorStartLockRelease(ProcessorStartLock lock) {
        return new ProcessorStartLock.Release(lock);
    }

    /** Axon's JPA token store, with the claim timeout and owner of {@code stb.event-processing}. */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                                 TokenClaims claims, EventProcessingProperties properties) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .nodeId(claims.nodeId())
                .build();
    }

    /**
     * A projection that cannot apply an event must not skip it (the default logs and moves on, leaving a view that
     * silently differs from history): the processor stops, retries with back-off and shows the error in its status.
     *
     * <p>Every processor (sagas' too) is a pooled streaming processor: one event stream, its events handed to the
     * segments' workers; an event goes to the segment of its aggregate (Axon's default sequencing policy), so each
     * aggregate's events are handled in order, one at a time, by whichever instance holds that segment. New tokens
     * start at the store's first event, as the tracking processors' did (Axon's pooled default would flag that first
     * pass a replay, and handlers that skip replays would skip it). They read the store through
     * {@link WakingEventSource}, which tells them when events arrive.
     */
    @Bean
    public ConfigurerModule eventProcessingDefaults(EventProcessingProperties properties, TokenClaims claims) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .configureDefaultStreamableMessageSource(c -> {
                    WakingEventSource source = new WakingEventSource(c.eventStore(), IDLE_TICK);
                    c.onShutdown(source::close);
                    return source;
                })
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .initialSegmentCount(properties.initialSegmentCount())
                        .initialToken(StreamableMessageSource::createTailToken)
                        .maxSegmentProvider(claims::maxSegments)
                        .batchSize(properties.batchSize())
                        .tokenClaimInterval(properties.tokenClaimInterval().toMillis())
                        .claimExtensionThreshold(properties.claimExtensionThreshold().toMillis())
                        .enableCoordinatorClaimExtension()
                        .workerExecutor(processor -> {
                            ScheduledExecutorService workers = Executors.newScheduledThreadPool(
                                    properties.workerThreads(), new AxonThreadFactory("WorkPackage[" + processor + "]"));
                            config.onShutdown(workers::shutdown);
                            return workers;
                        })));
    }
}
