package cn.gov.wenzhou.kjj.support.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How many dead letters wait for an operator, kept fresh in memory by one background thread, so that health and the
 * metric answer at once even while the database is away (they then show the last count, marked stale).
 *
 * <p>Health: {@value #DEGRADED} while any wait (served with 200: the service still works and stays ready; an operator
 * has something to do), {@code UP} when none does. The same status the services give a projection with parked events.
 */
public class DeadLetterMonitor implements HealthIndicator, DisposableBean {

    public static final String DEGRADED = "DEGRADED";
    public static final String PENDING_METRIC = "stb.kafka.dead.letters.pending";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterMonitor.class);

    private final DeadLetterStore store;
    private final Clock clock;
    private final ScheduledExecutorService refresher;
    private volatile Map<String, Long> pendingByTopic = Map.of();
    private volatile Instant countedAt;
    private volatile boolean stale = true;

    public DeadLetterMonitor(DeadLetterStore store, Clock clock, MeterRegistry meters, Duration refreshEvery) {
        this.store = store;
        this.clock = clock;
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-count");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder(PENDING_METRIC, this, DeadLetterMonitor::pending)
                .description("dead letters waiting for an operator (/ops/dead-letters)")
                .register(meters);
        refresher.scheduleWithFixedDelay(this::refresh, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long pending() {
        return pendingByTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** After a change: counted again on the background thread, without waiting for the next round. */
    public void refreshSoon() {
        refresher.execute(this::refresh);
    }

    @Override
    public Health health() {
        long pending = pending();
        Health.Builder health = pending > 0 ? Health.status(new Status(DEGRADED,
                "dead letters wait for an operator: GET /ops/dead-letters?status=PENDING")) : Health.up();
        health.withDetail("pending", pending).withDetail("pendingByTopic", pendingByTopic);
        if (countedAt != null) {
            health.withDetail("countedAt", countedAt.toString());
        }
        return health.withDetail("stale", stale).build();
    }

    private void refresh() {
        try {
            pendingByTopic = Collections.unmodifiableMap(new TreeMap<>(store.pendingByTopic()));
            countedAt = clock.instant();
            stale = false;
        } catch (RuntimeException e) {
            stale = true;
            log.debug("dead letters not counted: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
