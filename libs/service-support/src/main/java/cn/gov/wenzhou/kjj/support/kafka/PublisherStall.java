package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.support.projection.ProcessorStall;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A publishing processor that cannot deliver, seen within seconds: a send the broker has not acknowledged for longer
 * than {@code stb.kafka.publish-stall-after} marks {@value #PUBLISHER} STALLED in {@code /ops/projections}, its health
 * ({@code kafkaPublishing}) DOWN and the metric {@value #METRIC} 1. (Without this, the processor looks RUNNING until the
 * producer's 30 s delivery timeout fails the batch.) Commands still succeed meanwhile: the events wait in the store,
 * so the service stays ready; only publishing is down.
 */
public class PublisherStall implements ProcessorStall, HealthIndicator {

    public static final String PUBLISHER = "kafka-publisher";
    public static final String METRIC = "stb.kafka.publisher.stalled";

    private final IntegrationEventPublisher publisher;
    private final EventProcessingConfiguration processing;
    private final Duration stallAfter;
    private final Clock clock;

    public PublisherStall(IntegrationEventPublisher publisher, EventProcessingConfiguration processing,
                          Duration stallAfter, Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.processing = processing;
        this.stallAfter = stallAfter;
        this.clock = clock;
        Gauge.builder(METRIC, this, stall -> stall.stalled() ? 1 : 0)
                .description("1 while the publisher cannot deliver to Kafka (a send unacknowledged too long, or "
                        + "the publishing processor in error)")
                .register(meters);
        Gauge.builder("stb.kafka.publisher.unacknowledged", publisher, IntegrationEventPublisher::unacknowledgedCount)
                .description("sends waiting for the broker's acknowledgement").register(meters);
    }

    @Override
    public Optional<String> of(String processorName) {
        return PUBLISHER.equals(processorName) ? cannotDeliver() : Optional.empty();
    }

    /**
     * Stalled: a send waits too long, the last send failed and none has been acknowledged since (the processor waits
     * to try again), or the processor failed its last batch.
     */
    public boolean stalled() {
        return cannotDeliver().isPresent() || processorError().isPresent();
    }

    @Override
    public Health health() {
        Optional<String> waiting = cannotDeliver();
        Optional<String> error = processorError();
        Health.Builder health = waiting.isPresent() || error.isPresent() ? Health.down() : Health.up();
        health.withDetail("unacknowledged", publisher.unacknowledgedCount());
        waiting.ifPresent(reason -> health.withDetail("stalled", reason));
        error.ifPresent(reason -> health.withDetail("error", reason));
        return health.build();
    }

    private Optional<String> cannotDeliver() {
        return unacknowledgedTooLong().or(() -> publisher.lastFailure()
                .map(failure -> "Kafka failed the last send and has acknowledged none since (" + failure
                        + "); the publisher retries with back-off"));
    }

    private Optional<String> unacknowledgedTooLong() {
        Optional<Instant> oldest = publisher.oldestUnacknowledged();
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        Duration waiting = Duration.between(oldest.get(), clock.instant());
        if (waiting.compareTo(stallAfter) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Kafka has not acknowledged " + publisher.unacknowledgedCount() + " record(s) for "
                + waiting.toSeconds() + " s");
    }

    private Optional<String> processorError() {
        // a segment in error (until the pooled processor releases it to retry), or the processor's coordinator
        return processing.eventProcessor(PUBLISHER, StreamingEventProcessor.class)
                .filter(processor -> processor.isError()
                        || processor.processingStatus().values().stream().anyMatch(status -> status.isErrorState()))
                .map(processor -> processor.processingStatus().values().stream()
                        .filter(status -> status.isErrorState() && status.getError() != null)
                        .map(status -> status.getError().getClass().getSimpleName() + ": "
                                + status.getError().getMessage())
                        .findFirst().orElse("the publishing processor is in error; it retries with back-off"));
    }
}
