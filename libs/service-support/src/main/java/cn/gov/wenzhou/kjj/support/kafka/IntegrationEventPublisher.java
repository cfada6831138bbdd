package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

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
        return CloudEventRecords.of(event, properties.source(), subject, id, time);
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
}
