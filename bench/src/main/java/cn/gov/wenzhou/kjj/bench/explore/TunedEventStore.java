package cn.gov.wenzhou.kjj.bench.explore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Exploration only ({@code --with event-store}): Axon's embedded event store and JPA storage engine exactly as Axon's
 * auto-configuration builds them, with two settings it does not expose as properties:
 * <ul>
 *   <li>{@code bench.fetch-delay-ms} (Axon's default 1000): how often the store polls for events committed outside
 *   this JVM's units of work (a Spring transaction around the unit of work, another instance of the service);</li>
 *   <li>{@code bench.storage-batch-size} (Axon's default 100): events per query when loading an aggregate or feeding
 *   a tracking processor.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
// what Axon's JpaEventStoreAutoConfiguration, which steps back when this engine exists, would have registered
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class TunedEventStore {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 ObjectProvider<PersistenceExceptionResolver> exceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${bench.storage-batch-size:100}") int batchSize) {
        JpaEventStorageEngine.Builder builder = JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(batchSize);
        PersistenceExceptionResolver resolver = exceptionResolver.getIfAvailable();
        if (resolver != null) {
            builder.persistenceExceptionResolver(resolver);
        }
        return builder.build();
    }

    @Bean(name = "eventStore")
    @Primary
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         @Value("${bench.fetch-delay-ms:1000}") long fetchDelayMillis) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelayMillis)
                .build();
    }
}
