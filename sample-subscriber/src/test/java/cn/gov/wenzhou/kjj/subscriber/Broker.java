package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import cn.gov.wenzhou.kjj.support.kafka.StbKafkaProperties;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The test broker (test-support's real KRaft Kafka), with the published topics created the way the services create
 * them, the services' own publisher, and a raw producer for records the publisher would never write.
 */
final class Broker {

    private static IntegrationEventPublisher publisher;
    private static KafkaProducer<String, byte[]> raw;

    private Broker() {
    }

    static synchronized String bootstrapServers() {
        String bootstrapServers = RealInfrastructure.kafka().bootstrapServers();
        if (publisher == null) {
            createPublishedTopics(bootstrapServers);
            Map<String, Object> producer = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
            // it stamps each event with its topic's producer, as every service does
            publisher = new IntegrationEventPublisher(template, Duration.ofSeconds(30), Clock.systemUTC());
            raw = new KafkaProducer<>(producer);
        }
        return bootstrapServers;
    }

    /** Publishes as the owning service does: CloudEvents headers, key = subject; returns once Kafka acknowledged. */
    static void publish(IntegrationEvent event, String subject, String ceId) {
        bootstrapServers();
        publisher.publish(event, subject, ceId, Instant.now());
    }

    /** Sends a record exactly as given, for the cases no publisher of ours would produce. */
    static void sendRaw(String topic, String key, Map<String, String> headers, String value) {
        bootstrapServers();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, headerValue) ->
                record.headers().add(new RecordHeader(name, headerValue.getBytes(StandardCharsets.UTF_8))));
        try {
            raw.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the record", e);
        }
    }

    /** Headers as the services write them for an event of {@code type}; tests then break one on purpose. */
    static Map<String, String> headersFor(Class<? extends IntegrationEvent> type, String subject, String ceId) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, ceId);
        headers.put(CloudEventHeaders.SOURCE, Topics.producerOf(IntegrationEventCatalog.topicOf(type)).orElseThrow());
        headers.put(CloudEventHeaders.TYPE, IntegrationEventCatalog.typeOf(type));
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.DATA_SCHEMA, IntegrationEventCatalog.schemaIdOf(type));
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** The services' default partition count (StbKafkaProperties.partitions). */
    static int partitions() {
        RecordComponent[] components = StbKafkaProperties.class.getRecordComponents();
        int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf("partitions");
        try {
            // @DefaultValue sits on the canonical constructor's parameter
            Parameter partitions = StbKafkaProperties.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters()[index];
            return Integer.parseInt(partitions.getAnnotation(DefaultValue.class).value()[0]);
        } catch (NoSuchMethodException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("StbKafkaProperties has no partitions default any more", e);
        }
    }

    private static void createPublishedTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions(), (short) 1)
                            .configs(Topics.KEEP_FOREVER))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the published topics", e);
        }
    }
}
