package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A broker that stops acknowledging shows as a stalled publisher after publish-stall-after, not after 30 s. */
class PublisherStallTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T02:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    /** The producers the template created, newest last: it closes one that failed a send and asks for another. */
    private final List<MockProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
    private final IntegrationEventPublisher publisher = new IntegrationEventPublisher(template(producers),
            Duration.ofSeconds(30), clock);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PublisherStall stall = new PublisherStall(publisher, processing, Duration.ofSeconds(3), clock,
            meters);

    {
        when(processing.eventProcessor(PublisherStall.PUBLISHER,
                org.axonframework.eventhandling.StreamingEventProcessor.class)).thenReturn(Optional.empty());
    }

    @Test
    void aSendTheBrokerDoesNotAcknowledgeWithinTheBoundStallsThePublisherUntilItIsAcknowledged() {
        publishInBackground();
        assertThat(publisher.unacknowledgedCount()).isEqualTo(1);

        now.set(now.get().plusSeconds(3));
        assertThat(stall.of(PublisherStall.PUBLISHER)).isEmpty();
        assertThat(stall.health().getStatus()).isEqualTo(Status.UP);

        now.set(now.get().plusSeconds(2));
        assertThat(stall.of(PublisherStall.PUBLISHER)).hasValue("Kafka has not acknowledged 1 record(s) for 5 s");
        assertThat(stall.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.get(PublisherStall.METRIC).gauge().value()).isEqualTo(1.0);
        assertThat(stall.of("platform-summary")).as("other processors are not the publisher's business").isEmpty();

        broker().completeNext();
        assertThat(publisher.unacknowledgedCount()).isZero();
        assertThat(stall.of(PublisherStall.PUBLISHER)).isEmpty();
        assertThat(stall.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get(PublisherStall.METRIC).gauge().value()).isZero();
    }

    @Test
    void aFailedSendIsNotWaitedForAnyMoreButKeepsThePublisherStalledUntilTheBrokerAcknowledgesOneAgain() {
        publishInBackground();
        broker().errorNext(new org.apache.kafka.common.errors.TimeoutException("delivery timeout"));
        assertThat(publisher.unacknowledgedCount()).isZero();
        assertThat(publisher.oldestUnacknowledged()).isEmpty();
        // between the processor's retries nothing waits for the broker: still stalled, with the reason
        assertThat(stall.of(PublisherStall.PUBLISHER)).hasValueSatisfying(reason ->
                assertThat(reason).contains("failed the last send").contains("delivery timeout"));
        assertThat(stall.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.get(PublisherStall.METRIC).gauge().value()).isEqualTo(1.0);

        publishInBackground(2);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> broker().completeNext());
        assertThat(stall.of(PublisherStall.PUBLISHER)).isEmpty();
        assertThat(stall.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get(PublisherStall.METRIC).gauge().value()).isZero();
    }

    /** Outside a unit of work the publisher waits for the acknowledgement itself, so it runs on its own thread. */
    private void publishInBackground() {
        publishInBackground(1);
    }

    private void publishInBackground(int sendsSoFar) {
        Thread sender = new Thread(() -> {
            try {
                publisher.publish(new PlatformRegistered("p-1", "91330300MA2H7K8L0G", "t", "LUCHENG",
                        "DIGITAL_ECONOMY", "ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2026, 1, 2)),
                        "p-1", "e-1", now.get());
            } catch (RuntimeException expected) {
                // a failed send fails its publish; the test looks at the bookkeeping
            }
        });
        sender.setDaemon(true);
        sender.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> producers.stream().mapToInt(p -> p.history().size()).sum() == sendsSoFar);
    }

    private MockProducer<String, byte[]> broker() {
        return producers.get(producers.size() - 1);
    }

    private static KafkaTemplate<String, byte[]> template(List<MockProducer<String, byte[]>> producers) {
        @SuppressWarnings("unchecked")
        ProducerFactory<String, byte[]> factory = mock(ProducerFactory.class);
        when(factory.createProducer()).thenAnswer(invocation -> {
            MockProducer<String, byte[]> producer =
                    new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer());
            producers.add(producer);
            return producer;
        });
        return new KafkaTemplate<>(factory);
    }
}
