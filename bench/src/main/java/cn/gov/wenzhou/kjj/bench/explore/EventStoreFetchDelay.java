package cn.gov.wenzhou.kjj.bench.explore;

import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Exploration only ({@code --with fetch-delay}): Axon's embedded event store as Axon's auto-configuration builds it,
 * but polling the store every {@code bench.fetch-delay-ms} (default 100) ms instead of 1000 ms when nothing in this
 * JVM's unit-of-work commits has woken it: bounds the delay of events committed outside an Axon unit of work (a
 * Spring transaction around it, another instance of the service).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreFetchDelay {

    @Bean(name = "eventStore")
    @Primary
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(Long.getLong("bench.fetch-delay-ms", 100))
                .build();
    }
}
