package cn.gov.wenzhou.kjj.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: up to {@code burst} requests at once, refilled at {@code perMinute}. Memory is bounded:
 * a full bucket is the same as none, so full ones are dropped when the map grows past {@code maxClients}; if every
 * tracked client is still busy, new ones share one bucket (a flood of clients then slows only itself). Time is a
 * monotonic nanosecond source (elapsed time, never a date), given by the caller so tests can drive it.
 */
public final class TokenBuckets {

    /**
     * Whether a request may go on, what is left of the client's burst of {@code limit}, and if it may not, after how
     * many seconds it may.
     */
    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private static final String OVERFLOW = "";

    private final long capacity;
    private final double tokensPerNano;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int perMinute, int burst, int maxClients, LongSupplier nanoTime) {
        if (perMinute < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate, burst and number of clients");
        }
        this.capacity = burst;
        this.tokensPerNano = perMinute / 60e9;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    public Decision take(String client) {
        long now = nanoTime.getAsLong();
        if (!buckets.containsKey(client) && buckets.size() >= maxClients) {
            dropFull(now);
            if (buckets.size() >= maxClients) {
                client = OVERFLOW;
            }
        }
        return buckets.computeIfAbsent(client, key -> new Bucket(capacity, now)).take(now);
    }

    public long burst() {
        return capacity;
    }

    int tracked() {
        return buckets.size();
    }

    private void dropFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().fullAt(now)) {
                it.remove();
            }
        }
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, capacity, (long) tokens, 0);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return new Decision(false, capacity, 0, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
