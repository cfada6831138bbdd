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

    /**
     * The pooled processor's coordinator claims free segments only between rounds of reading, and a round reads until
     * the stream has nothing at once. Under a steady stream of commits (one every 50 ms here, as a busy service has)
     * a round must still end: the stream waits for the store's reader only on the first look after a call-back, so
     * the loop below stops long before the commits do. A stream that waited on every look kept the coordinator reading
     * for 1,024 events and a killed instance's segments unclaimed for 82 s.
     */
    @Test
    void aRoundOfReadingEndsUnderASteadyStreamOfCommitsSoTheProcessorGetsToClaimSegments() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);
        int commits = 60;
        AtomicInteger committed = new AtomicInteger();
        Thread committer = new Thread(() -> {
            for (int i = 0; i < commits; i++) {
                DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(
                        GenericEventMessage.asEventMessage("steady")));
                committed.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "steady-commits");
        committer.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> wakeUps.get() > 0);

            int read = 0;
            while (stream.hasNextAvailable()) {
                stream.nextAvailable();
                read++;
            }

            assertThat(committed.get()).as("commits made when the round ended, having read " + read)
                    .isLessThan(commits);
        } finally {
            committer.interrupt();
            committer.join();
            stream.close();
        }
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
