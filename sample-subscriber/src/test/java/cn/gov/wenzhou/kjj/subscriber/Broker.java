package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventRecords;
import cn.gov.wenzhou.kjj.support.kafka.StbKafkaProperties;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicProducers;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The test broker (test-support's real KRaft Kafka, with users and ACLs; its administrator created every topic):
 * records published as the services publish them, signed in as each topic's producer, and records the publisher
 * would never write.
 */
final class Broker {

    private Broker() {
    }

    static String bootstrapServers() {
        return RealInfrastructure.kafka().bootstrapServers();
    }

    /** Client settings that sign in as the subscriber (read-only), as an outside system does. */
    static Map<String, Object> subscriberProperties() {
        return RealInfrastructure.kafka().clientProperties(KafkaAccess.SUBSCRIBER.name());
    }

    /**
     * Publishes as the owning service does: CloudEvents headers, key = subject, signed in as the topic's producer;
     * returns once Kafka acknowledged.
     */
    static void publish(IntegrationEvent event, String subject, String ceId) {
        TopicProducers.sendAsItsProducer(CloudEventRecords.asPublishedByItsProducer(event, subject, ceId,
                Instant.now()));
    }

    /** Sends a record exactly as given (as the topic's producer), for the cases no publisher of ours would produce. */
    static void sendRaw(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, headerValue) ->
                record.headers().add(new RecordHeader(name, headerValue.getBytes(StandardCharsets.UTF_8))));
        TopicProducers.sendAsItsProducer(record);
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
}
