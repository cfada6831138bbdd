package cn.gov.wenzhou.kjj.support.projection;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.jdbc.core.JdbcTemplate;
import cn.gov.wenzhou.kjj.support.axon.EventProcessingProperties;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Every projection of every service parks an event it cannot apply (Axon's sequenced dead-letter queue on JPA, in the
 * service's database: {@code dead_letter_entry}, created by the shared Flyway migration) instead of stopping: the
 * events of other aggregates go on, the views keep answering, and an operator retries or evicts what was parked
 * ({@link ParkedEvents}, {@code /ops/parked-events}). Processing groups in
 * {@code stb.event-processing.parking.excluded-groups} (the Kafka publisher) keep stopping and retrying instead.
 * A rebuild clears a projection's parked events and replays them with everything else.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class})
@EnableConfigurationProperties(EventProcessingProperties.class)
public class ParkingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParkingAutoConfiguration.class);

    /** Replaces Axon's module, which parks only in groups named in {@code axon.eventhandling.processors.*.dlq}. */
    @Bean
    public DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties axonProperties, EventProcessingProperties properties,
            EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
            Serializer genericSerializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
        EventProcessingProperties.Parking parking = properties.parking();
        return new DeadLetterQueueProviderConfigurerModule(axonProperties, group -> null) {
            @Override
            public void configureModule(Configurer configurer) {
                EventProcessingConfigurer processing = configurer.eventProcessing();
                processing.registerDefaultDeadLetterPolicy(c -> parkAndSay());
                processing.registerDeadLetterQueueProvider(group -> {
                    if (!parking.parks(group)) {
                        return null;
                    }
                    // asked once per processing group, before its invoker is built: the group's invoker clears the
                    // queue on a reset (a rebuild replays the parked events too) and remembers which aggregates it
                    // parked, so events of the others never query the queue
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker
                            .allowReset(true)
                            .enableSequenceIdentifierCache());
                    return c -> JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(group)
                            .entityManagerProvider(entityManagerProvider)
                            .transactionManager(transactionManager)
                            .genericSerializer(genericSerializer)
                            .eventSerializer(eventSerializer)
                            .maxSequences(parking.maxSequences())
                            .maxSequenceSize(parking.maxSequenceSize())
                            .claimDuration(parking.claimDuration())
                            .build();
                });
            }
        };
    }

    @Bean
    public SavepointPerEvent savepointPerEvent(ObjectProvider<DataSource> dataSource,
                                               ObjectProvider<EntityManagerFactory> entityManagerFactory,
                                               EventProcessingProperties properties) {
        return new SavepointPerEvent(dataSource, entityManagerFactory, properties.parking());
    }

    /**
     * Parked events in the current shape of their classes before any processor retries one: created after Flyway's
     * migrations (the table exists) and, as a bean, before the processors start with the context.
     */
    @Bean
    public ParkedEventUpcasting parkedEventUpcasting(ObjectProvider<FlywayMigrationInitializer> migrations,
                                                     ObjectProvider<DataSource> dataSource,
                                                     ObjectProvider<EventUpcaster> upcasters,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer) {
        migrations.ifAvailable(initializer -> { });
        ParkedEventUpcasting upcasting = new ParkedEventUpcasting(new JdbcTemplate(dataSource.getObject()),
                upcasters.orderedStream().toList(), eventSerializer);
        int rewritten = upcasting.upcastParkedEvents();
        if (rewritten > 0) {
            log.info("{} parked events brought to the current shape of their classes", rewritten);
        }
        return upcasting;
    }

    /** Parks with the cause (truncated to the column), and says so once in the log: ids and types, no payload. */
    private static EnqueuePolicy<EventMessage<?>> parkAndSay() {
        return (letter, cause) -> {
            log.warn("event {} ({}) parked for an operator: {}: the projection goes on with other aggregates' events",
                    letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                    cause.getClass().getSimpleName());
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }
}
