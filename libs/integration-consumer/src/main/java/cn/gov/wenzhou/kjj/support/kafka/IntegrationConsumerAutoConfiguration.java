package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.support.time.ClockAutoConfiguration;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Consuming the published events the same way in every application (see DESIGN.md, Kafka conventions): each effect
 * once, in one transaction with its {@code ce_id}; a record that keeps failing dead-lettered, and consumption goes on.
 */
@AutoConfiguration(after = {ClockAutoConfiguration.class, KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class})
@EnableConfigurationProperties(StbKafkaProperties.class)
public class IntegrationConsumerAutoConfiguration {

    @Bean
    public ProcessedMessages processedMessages(JdbcTemplate jdbcTemplate, Clock clock) {
        return new ProcessedMessages(jdbcTemplate, clock);
    }

    /** The application's own {@link EffectTransaction} when it has one (the services': an Axon unit of work). */
    @Bean
    public InboundIntegrationEvents inboundIntegrationEvents(ProcessedMessages processedMessages,
                                                             ObjectProvider<EffectTransaction> transaction,
                                                             PlatformTransactionManager transactionManager) {
        return new InboundIntegrationEvents(processedMessages,
                transaction.getIfAvailable(() -> springTransaction(transactionManager)));
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

    private static EffectTransaction springTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        return new EffectTransaction() {
            @Override
            public <T> T execute(String label, Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        };
    }

    private static String reason(Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
