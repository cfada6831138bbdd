package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.support.failure.TransientFailures;
import cn.gov.wenzhou.kjj.support.tracing.MessageTraces;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends integration events to Kafka as CloudEvents in binary mode. Called from a streaming processor's segments (an
 * aggregate's events all in one segment, in order; record key = aggregate id): inside a segment's
 * unit of work the sends of a whole batch go out together and the unit of work commits (advancing the processor's
 * token) only after the broker has acknowledged every one of them. If Kafka is down the batch fails, the token stays
 * and the processor retries later: commands keep succeeding and nothing is lost.
 *
 * <p>{@code ce_id} is the domain event's identifier, so a replay re-publishes the same ids and idempotent consumers
 * ignore them. {@code ce_source} is the topic's producer as the contracts name it ({@code Topics.producerOf}), the one
 * source its consumers accept.
 *
 * <p>Every send the broker has not acknowledged yet is tracked with the time it started, so a broker that stopped
 * answering shows within seconds ({@link #oldestUnacknowledged()}), long before the producer's delivery timeout.
 * A send that failed is remembered until the broker acknowledges one again ({@link #lastFailure()}): between the
 * processor's retries nothing waits for the broker, and the publisher must not look healthy then.
 *
 * <p>The tracking processor's thread is not the request's: each send runs in a span (the producer's) that continues
 * the trace the domain event being handled carries in its metadata ({@link MessageTraces}), and the record carries
 * that span as its W3C {@code traceparent} header beside the {@code ce_} headers: the trace of the request that caused
 * the event. Written here, not by the Kafka template's observation, which looks the cluster id up through an admin
 * client on a send and so would hold the processor while the broker is away.
 */
public class IntegrationEventPublisher {

    private static final String PENDING_SENDS = IntegrationEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration publishTimeout;
    private final Clock clock;
    private final MessageTraces traces;
    private final AtomicLong sendSequence = new AtomicLong();
    private final Map<Long, Instant> unacknowledged = new ConcurrentHashMap<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, Duration publishTimeout, Clock clock) {
        this(kafka, publishTimeout, clock, MessageTraces.none());
    }

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, Duration publishTimeout, Clock clock,
                                     MessageTraces traces) {
        this.kafka = kafka;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
        this.traces = traces;
    }

    /** Sends the broker has not acknowledged (nor failed) yet. */
    public int unacknowledgedCount() {
        return unacknowledged.size();
    }

    /** When the oldest send still waiting for the broker started; empty when none waits. */
    public Optional<Instant> oldestUnacknowledged() {
        return unacknowledged.values().stream().min(Instant::compareTo);
    }

    /** Why the last send failed, while no send has been acknowledged since; empty once one is. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Publishes {@code event} as the public face of the domain event {@code cause}; key = its aggregate id. */
    public void publish(IntegrationEvent event, EventMessage<?> cause) {
        String subject = cause instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getAggregateIdentifier()
                : cause.getIdentifier();
        publish(event, subject, cause.getIdentifier(), cause.getTimestamp());
    }

    /**
     * Publishes under an id of its own. In a processor the send continues the trace of the event being handled,
     * elsewhere the current span's.
     */
    public void publish(IntegrationEvent event, String subject, String id, Instant time) {
        ProducerRecord<String, byte[]> record = toRecord(event, subject, id, time);
        Message<?> handled = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage() : null;
        // ids and the topic only: a span never carries the event's data
        traces.inTraceOf(handled, "publish " + event.getClass().getSimpleName(),
                Map.of("messaging.destination.name", record.topic(), "cloudevents.event_id", id), () -> {
                    traces.ofCurrentSpan().forEach((name, value) ->
                            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
                    CompletableFuture<?> sent = tracked(record);
                    if (CurrentUnitOfWork.isStarted()) {
                        pendingSendsOf(CurrentUnitOfWork.get().root()).add(sent);
                    } else {
                        await(List.of(sent));
                    }
                });
    }

    /**
     * Sends, remembering the send until the broker answers (a send can block on metadata, so the clock starts first).
     * The future returned completes after that bookkeeping, so whoever waits for it sees the publisher's state as the
     * broker left it.
     */
    private CompletableFuture<?> tracked(ProducerRecord<String, byte[]> record) {
        long sequence = sendSequence.incrementAndGet();
        unacknowledged.put(sequence, clock.instant());
        try {
            return kafka.send(record).whenComplete((result, failure) -> {
                unacknowledged.remove(sequence);
                if (failure == null) {
                    lastFailure.set(null);
                } else {
                    failed(failure);
                }
            });
        } catch (RuntimeException e) {
            unacknowledged.remove(sequence);
            failed(e);
            throw e;
        }
    }

    /** The innermost cause is the broker's answer (Spring wraps it in a KafkaProducerException). */
    private void failed(Throwable failure) {
        lastFailure.set(TransientFailures.summary(failure));
    }

    ProducerRecord<String, byte[]> toRecord(IntegrationEvent event, String subject, String id, Instant time) {
        return CloudEventRecords.asPublishedByItsProducer(event, subject, id, time);
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
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            failed(e);
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be retried", e);
        }
    }
}
