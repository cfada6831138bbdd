package cn.gov.wenzhou.kjj.support.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The event store as the pooled streaming processors read it, telling them when events are there. Axon's pooled
 * processor sleeps 500 ms whenever its stream has nothing, unless the stream calls it back when events arrive, and the
 * embedded store's streams do not: a view would show a command's effect up to half a second late (the tracking
 * processors waited on the stream and woke at once). Here the processors are called back after every local commit
 * of events, and every {@code tick} for events other instances store (the embedded store fetches those every second).
 * Called back, a processor finds the events once the store's reader has fetched them: the first
 * {@code hasNextAvailable()} after a call-back waits that long, {@value #FETCH_WAIT_MS} ms at most.
 *
 * <p>Only that first one. The pooled processor's coordinator reads the stream in a loop until it finds nothing at
 * once (or has read its buffer's 1,024 events) and only between such rounds does it claim free segments and give up
 * surplus ones. A stream that waited on every look kept it in the loop as long as events came less than
 * {@value #FETCH_WAIT_MS} ms apart: under a steady stream of commands a survivor took over a killed instance's
 * segments only after 1,024 events, 82 s instead of 13 s (fault-suite, {@code MultiInstanceTest}).
 */
public class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    static final int FETCH_WAIT_MS = 200;

    private final EventStore store;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-source-ticker");
        thread.setDaemon(true);
        return thread;
    });

    public WakingEventSource(EventStore store, Duration tick) {
        this.store = store;
        store.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> wake());
            } else {
                wake();
            }
        });
        ticker.scheduleWithFixedDelay(this::wake, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void wake() {
        waiting.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Waking(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        waiting.clear();
    }

    private final class Waking implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        /** Called back since the stream was last looked at: the next look may wait for the store's reader. */
        private final AtomicBoolean woken = new AtomicBoolean();
        private volatile Runnable callback;

        private Waking(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                waiting.remove(previous);
            }
            Runnable wake = () -> {
                woken.set(true);
                callback.run();
            };
            this.callback = wake;
            waiting.add(wake);
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            boolean calledBack = woken.getAndSet(false);
            try {
                return stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)
                        || calledBack && stream.hasNextAvailable(FETCH_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return stream.asStream();
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                waiting.remove(registered);
            }
            stream.close();
        }
    }
}
