package cn.gov.wenzhou.kjj.support.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pooled streaming processor sleeps half a second between looks at a stream that never calls it back; the event
 * source calls it back when a unit of work has committed events, and only then (the tick, here an hour, is for
 * events of other instances).
 */
class WakingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final WakingEventSource source = new WakingEventSource(store, Duration.ofHours(1));
    private final AtomicInteger wakeUps = new AtomicInteger();

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
    }

    @Test
    void aProcessorIsCalledBackWhenEventsAreCommittedAndFindsThemInTheStream() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).as("callbacks supported").isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage("one")));

        assertThat(wakeUps).hasValue(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("one");
        stream.close();
    }

    @Test
    void aRolledBackUnitOfWorkWakesNobodyAndAClosedStreamIsNotCalledBack() {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);

        DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        store.publish(GenericEventMessage.asEventMessage("never"));
        rolledBack.rollback();
        assertThat(wakeUps).hasValue(0);

        stream.close();
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage("two")));
        assertThat(wakeUps).hasValue(0);
    }
}
