package cn.gov.wenzhou.kjj.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * A rate limit per client for a servlet filter: one limit for every client, other limits for clients named in the
 * configuration (a known bulk integration, a shared login client, a test). Every answer it sees says where the client
 * stands ({@code RateLimit-Limit}, {@code RateLimit-Remaining}); a request over the limit is answered by
 * {@link TooManyRequests} and goes no further.
 */
public final class ClientRateLimit {

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimit.class);

    /**
     * @param perMinute requests a client may make per minute, sustained
     * @param burst     requests a client may make at once
     */
    public record Limit(int perMinute, int burst) {
        public Limit {
            if (perMinute < 1 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs a positive rate and burst");
            }
        }
    }

    private final TokenBuckets everyone;
    private final Map<String, TokenBuckets> named;
    private final String what;

    /**
     * @param everyone   the limit of every client not named
     * @param maxClients clients tracked at once (memory bound; beyond it, new clients share one bucket)
     * @param named      other limits, by the client key {@link #admit} is given
     * @param what       what is counted, for the problem detail ("writes", "token requests"; plain text)
     * @param nanoTime   a monotonic clock ({@code System::nanoTime}; a test drives its own)
     */
    public ClientRateLimit(Limit everyone, int maxClients, Map<String, Limit> named, String what,
                           LongSupplier nanoTime) {
        this.everyone = new TokenBuckets(everyone.perMinute(), everyone.burst(), maxClients, nanoTime);
        this.named = named.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new TokenBuckets(e.getValue().perMinute(), e.getValue().burst(), 1, nanoTime)));
        this.what = what;
    }

    /**
     * Counts one request of {@code client}. Over its limit, the {@code 429} is written and {@code false} returned:
     * the caller must not go on.
     */
    public boolean admit(String client, HttpServletRequest request, HttpServletResponse response) throws IOException {
        TokenBuckets.Decision decision = named.getOrDefault(client, everyone).take(client);
        response.setHeader("RateLimit-Limit", String.valueOf(decision.limit()));
        response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (decision.allowed()) {
            return true;
        }
        // the path and the outcome only: a client key may name a person or an address
        log.info("429 {} {}", request.getMethod(), request.getRequestURI());
        TooManyRequests.write(request, response, decision,
                "more than " + decision.limit() + " " + what + " in a burst from this client");
        return false;
    }
}
