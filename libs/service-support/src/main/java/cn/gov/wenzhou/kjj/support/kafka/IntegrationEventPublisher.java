package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends integration events to Kafka as CloudEvents in binary mode. Called from a tracking processor: inside its
 * unit of work the sends of a whole batch go out together and the unit of work commits (advancing the processor's
 * token) only after the broker has acknowledged every one of them. If Kafka is down the batch fails, the token stays
 * and the processor retries later: commands keep succeeding and nothing is lost.
 *
 * <p>{@code ce_id} is the domain event's identifier, so a replay re-publishes the same ids and idempotent consumers
 * ignore them.
 */
public class IntegrationEventPublisher {

    private static final String PENDING_SENDS = IntegrationEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final StbKafkaProperties properties;

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, StbKafkaProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Publishes {@code event} as the public face of the domain event {@code cause}; key = its aggregate id. */
    public void publish(IntegrationEvent event, EventMessage<?> cause) {
        String subject = cause instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getAggregateIdentifier()
                : cause.getIdentifier();
        publish(event, subject, cause.getIdentifier(), cause.getTimestamp());
    }

    public void publish(IntegrationEvent event, String subject, String id, Instant time) {
        CompletableFuture<?> sent = kafka.send(toRecord(event, subject, id, time));
        if (CurrentUnitOfWork.isStarted()) {
            pendingSendsOf(CurrentUnitOfWork.get().root()).add(sent);
        } else {
            await(List.of(sent));
        }
    }

    ProducerRecord<String, byte[]> toRecord(IntegrationEvent event, String subject, String id, Instant time) {
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
        header(record, CloudEventHeaders.SOURCE, properties.source());
        header(record, CloudEventHeaders.TYPE, IntegrationEventCatalog.typeOf(type));
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.DATA_SCHEMA, IntegrationEventCatalog.schemaIdOf(type));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private List<CompletableFuture<?>> pendingSendsOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> await(pending));
            return pending;
        });
    }

    private void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be retried", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
