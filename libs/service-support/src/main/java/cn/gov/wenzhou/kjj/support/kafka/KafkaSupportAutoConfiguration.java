package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.tracing.MessageTraces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;

/**
 * Publishing to Kafka the same way in every service (see DESIGN.md, Kafka conventions). Consuming (the ce_id ledger,
 * dead letters) is {@link IntegrationConsumerAutoConfiguration}'s, shared with applications that run without Axon;
 * here its effects run in an Axon unit of work (service-support's {@code TransactionalUnitOfWork}).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, HibernateJpaAutoConfiguration.class})
@EnableConfigurationProperties(StbKafkaProperties.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    public IntegrationEventPublisher integrationEventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate,
                                                               StbKafkaProperties properties, Clock clock,
                                                               ObjectProvider<MessageTraces> traces) {
        return new IntegrationEventPublisher(kafkaTemplate, properties.publishTimeout(), clock,
                traces.getIfAvailable(MessageTraces::none));
    }

    /** Health contributor {@code kafkaPublishing}; the publisher STALLED in /ops/projections; a metric. */
    @Bean
    public PublisherStall kafkaPublishingHealthIndicator(IntegrationEventPublisher publisher,
                                                         EventProcessingConfiguration processing,
                                                         StbKafkaProperties properties, Clock clock,
                                                         ObjectProvider<MeterRegistry> meters) {
        return new PublisherStall(publisher, processing, properties.publishStallAfter(), clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * The topics this service produces exist with the documented retention (its ACLs let it create only those; an
     * administrator creates every topic beforehand, KafkaAccess.topics, so this only repairs a missing one).
     */
    @Bean
    public KafkaAdmin.NewTopics publishedTopics(StbKafkaProperties properties,
                                                @Value("${spring.application.name}") String service) {
        return new KafkaAdmin.NewTopics(Topics.producedBy(service).stream()
                .map(topic -> new NewTopic(topic, properties.partitions(), properties.replicationFactor())
                        .configs(Topics.KEEP_FOREVER))
                .toArray(NewTopic[]::new));
    }

    public static String deadLetterTopic(String topic, String service) {
        return IntegrationConsumerAutoConfiguration.deadLetterTopic(topic, service);
    }
}
