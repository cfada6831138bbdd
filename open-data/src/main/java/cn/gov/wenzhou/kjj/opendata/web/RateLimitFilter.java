package cn.gov.wenzhou.kjj.opendata.web;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import cn.gov.wenzhou.kjj.ratelimit.ClientRateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rate limit per client on every request of the public port ({@link ClientRateLimit}, shared with the services and
 * the issuer): over it, {@code 429 Too Many Requests} with {@code Retry-After} (seconds) and a problem detail; each
 * answer says what is left ({@code RateLimit-Limit}, {@code RateLimit-Remaining}). The client is the connection's
 * address; only a configured reverse proxy is believed when it forwards another ({@code X-Forwarded-For}, read from
 * the right: the last address no trusted proxy added).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimit limit;
    private final Set<String> trustedProxies;

    public RateLimitFilter(OpenDataProperties.RateLimit properties) {
        this.limit = new ClientRateLimit(new ClientRateLimit.Limit(properties.requestsPerMinute(), properties.burst()),
                properties.maxClients(), Map.of(), "requests", System::nanoTime);
        this.trustedProxies = Set.copyOf(properties.trustedProxies().stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limit.admit(client(request), request, response)) {
            chain.doFilter(request, response);
        }
    }

    String client(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return address;
    }
}
