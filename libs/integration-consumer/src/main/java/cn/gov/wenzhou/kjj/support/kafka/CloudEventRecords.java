package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An integration event as a Kafka record: CloudEvents 1.0 in binary mode (the attributes as {@code ce_} headers, the
 * data as JSON), on the event's topic, keyed by {@code subject} (the aggregate id). The one place the wire form is
 * written; service-support's publisher sends these, and consumers' tests build their input with it.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /**
     * As the services publish it: {@code ce_source} is the event's topic's one producer ({@link Topics#producerOf}),
     * the only source that topic's consumers accept.
     */
    public static ProducerRecord<String, byte[]> asPublishedByItsProducer(IntegrationEvent event, String subject,
                                                                          String id, Instant time) {
        String topic = IntegrationEventCatalog.topicOf(event.getClass());
        return of(event, Topics.producerOf(topic).orElseThrow(), subject, id, time);
    }

    public static ProducerRecord<String, byte[]> of(IntegrationEvent event, String source, String subject, String id,
                                                    Instant time) {
        Class<? extends IntegrationEvent> type = event.getClass();
        byte[] value;
        try {
            value = IntegrationJson.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + type.getSimpleName(), e);
        }
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(IntegrationEventCatalog.topicOf(type), subject, value);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, IntegrationEventCatalog.typeOf(type));
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.DATA_SCHEMA, IntegrationEventCatalog.schemaIdOf(type));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
