package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.settings.RequiredProperties;
import cn.gov.wenzhou.kjj.support.failure.DatabaseReachability;
import cn.gov.wenzhou.kjj.support.time.ClockAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Consuming the published events the same way in every application (see DESIGN.md, Kafka conventions): each effect
 * once, in one transaction with its {@code ce_id}; a failure that will pass (the database away) retried until it
 * passes, never dead-lettered; a poison record dead-lettered (kept for replay, copied to the dead-letter topic,
 * counted, logged) after bounded retries, and consumption goes on ({@link ConsumerErrorHandling}); static group
 * membership, and a health contributor that says whether every consumer has joined its group.
 */
@AutoConfiguration(after = {ClockAutoConfiguration.class, KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class})
@EnableConfigurationProperties({StbKafkaProperties.class, KafkaSignInProperties.class})
public class IntegrationConsumerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntegrationConsumerAutoConfiguration.class);
    private static final Duration COUNT_EVERY = Duration.ofSeconds(5);

    /** Every Kafka client signs in as the application's Kafka user. */
    @Bean
    public static KafkaSignIn kafkaSignIn(Environment environment) {
        return new KafkaSignIn(environment);
    }

    /**
     * No start without the Kafka password or the database password: no YAML has a default for either (the dev stack
     * and the tests pass their own).
     */
    @Bean
    public static RequiredProperties consumerRequiredProperties(Environment environment) {
        return new RequiredProperties(environment, List.of(
                new RequiredProperties.Required(KafkaSignInProperties.PREFIX + ".password", "KAFKA_PASSWORD",
                        KafkaSignIn.CONSEQUENCE, KafkaSignIn.ACTION),
                new RequiredProperties.Required("spring.datasource.password", "DB_PASSWORD",
                        "The application cannot reach its database", "Set DB_USER and DB_PASSWORD to the"
                        + " application's own database role (docs/operators.md, \"Security\"); the dev stack and"
                        + " the tests set their own.")));
    }

    @Bean
    public ProcessedMessages processedMessages(JdbcTemplate jdbcTemplate, Clock clock) {
        return new ProcessedMessages(jdbcTemplate, clock);
    }

    /** The application's own {@link EffectTransaction} when it has one (the services': an Axon unit of work). */
    @Bean
    public InboundIntegrationEvents inboundIntegrationEvents(ProcessedMessages processedMessages,
                                                             ObjectProvider<EffectTransaction> transaction,
                                                             PlatformTransactionManager transactionManager,
                                                             DatabaseReachability database) {
        return new InboundIntegrationEvents(processedMessages,
                transaction.getIfAvailable(() -> springTransaction(transactionManager)), database);
    }

    @Bean
    public DatabaseReachability databaseReachability(DataSource dataSource) {
        return new DatabaseReachability(dataSource);
    }

    @Bean
    public DeadLetterStore deadLetterStore(JdbcTemplate jdbcTemplate, Clock clock) {
        return new DeadLetterStore(jdbcTemplate, clock);
    }

    /** Health contributor {@code deadLetters}; metric {@value DeadLetterMonitor#PENDING_METRIC}. */
    @Bean
    public DeadLetterMonitor deadLettersHealthIndicator(DeadLetterStore store, Clock clock,
                                                        ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterMonitor(store, clock, meters(meters), COUNT_EVERY);
    }

    /** Where a poison record goes: {@code <topic>.<service>.dlt} with the reason in a header, and the store. */
    @Bean
    public DeadLetterRecoverer deadLetterRecoverer(DeadLetterStore store, KafkaTemplate<String, byte[]> kafkaTemplate,
                                                   DatabaseReachability database, DeadLetterMonitor monitor,
                                                   ObjectProvider<MeterRegistry> meters,
                                                   @Value("${spring.application.name}") String service) {
        DeadLetterPublishingRecoverer topic = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(deadLetterTopic(record.topic(), service), -1));
        topic.setHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[]{
                new RecordHeader(CloudEventHeaders.DEAD_LETTER_REASON,
                        DeadLetterRecoverer.reason(exception).getBytes(StandardCharsets.UTF_8))
        }));
        return new DeadLetterRecoverer(store, topic, database, monitor, meters(meters), service);
    }

    @Bean
    public DeadLetterReplay deadLetterReplay(DeadLetterStore store, KafkaListenerEndpointRegistry registry,
                                             DeadLetterMonitor monitor) {
        return new DeadLetterReplay(store, registry, monitor);
    }

    /** Health contributor {@code kafkaConsumers} (for the readiness group); sets every listener container up. */
    @Bean
    public ConsumerAssignments kafkaConsumersHealthIndicator(StbKafkaProperties properties,
                                                             KafkaListenerEndpointRegistry registry) {
        return new ConsumerAssignments(properties.instanceId(), registry);
    }

    /**
     * The dead-letter topic of every topic this application consumes exists, kept forever like the topics themselves
     * (where the broker lets it create topics; with ACLs, an administrator creates them). In the background: a broker
     * that is away must not hold the start-up.
     */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> deadLetterTopics(
            KafkaListenerEndpointRegistry registry, ObjectProvider<KafkaAdmin> admin, StbKafkaProperties properties,
            @Value("${spring.application.name}") String service,
            @Value("${spring.kafka.admin.auto-create:true}") boolean autoCreate) {
        return event -> {
            KafkaAdmin kafkaAdmin = admin.getIfAvailable();
            if (!autoCreate || kafkaAdmin == null) {
                return;
            }
            NewTopic[] topics = registry.getAllListenerContainers().stream()
                    .map(container -> container.getContainerProperties().getTopics())
                    .filter(Objects::nonNull)
                    .flatMap(Arrays::stream)
                    .distinct()
                    .map(topic -> new NewTopic(deadLetterTopic(topic, service), properties.partitions(),
                            properties.replicationFactor()).configs(Topics.KEEP_FOREVER))
                    .toArray(NewTopic[]::new);
            if (topics.length == 0) {
                return;
            }
            Thread creator = new Thread(() -> {
                try {
                    kafkaAdmin.createOrModifyTopics(topics);
                } catch (RuntimeException e) {
                    log.warn("dead-letter topics not created now ({}); the broker creates them on first use if "
                            + "allowed", e.toString());
                }
            }, "dead-letter-topics");
            creator.setDaemon(true);
            creator.start();
        };
    }

    @Bean
    public DefaultErrorHandler kafkaErrorHandler(DeadLetterRecoverer recoverer, StbKafkaProperties properties,
                                                 ObjectProvider<MeterRegistry> meters) {
        return ConsumerErrorHandling.errorHandler(recoverer, properties, meters(meters));
    }

    /** Where a consumer of {@code service} copies a record of {@code topic} it gave up on (see DeadLetterRecoverer). */
    public static String deadLetterTopic(String topic, String service) {
        return KafkaAccess.deadLetterTopic(topic, service);
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

    private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(SimpleMeterRegistry::new);
    }
}
