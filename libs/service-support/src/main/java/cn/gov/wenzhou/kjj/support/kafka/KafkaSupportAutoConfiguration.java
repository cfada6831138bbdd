package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.axon.TransactionalUnitOfWork;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Publishing to and consuming from Kafka the same way in every service (see DESIGN.md, Kafka conventions). */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, HibernateJpaAutoConfiguration.class})
@EnableConfigurationProperties(StbKafkaProperties.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    public IntegrationEventPublisher integrationEventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate,
                                                               StbKafkaProperties properties) {
        return new IntegrationEventPublisher(kafkaTemplate, properties);
    }

    @Bean
    public ProcessedMessages processedMessages(JdbcTemplate jdbcTemplate, Clock clock) {
        return new ProcessedMessages(jdbcTemplate, clock);
    }

    @Bean
    public InboundIntegrationEvents inboundIntegrationEvents(ProcessedMessages processedMessages,
                                                             TransactionalUnitOfWork transaction) {
        return new InboundIntegrationEvents(processedMessages, transaction);
    }

    /** Every published topic exists with the documented retention, whichever service starts first. */
    @Bean
    public KafkaAdmin.NewTopics publishedTopics(StbKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> new NewTopic(topic, properties.partitions(), properties.replicationFactor())
                        .configs(Topics.KEEP_FOREVER))
                .toArray(NewTopic[]::new));
    }

    /**
     * A record whose effect keeps failing is retried a bounded number of times, then sent to
     * {@code <topic>.<service>.dlt} with the reason in a header, and consumption goes on. Malformed records skip the
     * retries.
     */
    @Bean
    public DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate,
                                                 StbKafkaProperties properties,
                                                 @Value("${spring.application.name}") String service) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(deadLetterTopic(record.topic(), service), -1));
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[]{
                new RecordHeader(CloudEventHeaders.DEAD_LETTER_REASON, reason(exception).getBytes(StandardCharsets.UTF_8))
        }));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryInterval().toMillis(), Math.max(0, properties.retryAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedIntegrationEventException.class);
        return handler;
    }

    public static String deadLetterTopic(String topic, String service) {
        return topic + "." + service + ".dlt";
    }

    private static String reason(Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
