package cn.gov.wenzhou.kjj.opendata.web;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A rate limit per client on every request of the public port: over it, {@code 429 Too Many Requests} with
 * {@code Retry-After} (seconds) and a problem detail; each answer says what is left ({@code RateLimit-Limit},
 * {@code RateLimit-Remaining}). The client is the connection's address; only a configured reverse proxy is believed
 * when it forwards another ({@code X-Forwarded-For}, read from the right: the last address no trusted proxy added).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final Set<String> trustedProxies;
    private final int limit;
    private final ObjectMapper json;

    public RateLimitFilter(OpenDataProperties.RateLimit properties, ObjectMapper json) {
        this.buckets = new TokenBuckets(properties.requestsPerMinute(), properties.burst(), properties.maxClients(),
                System::nanoTime);
        this.trustedProxies = Set.copyOf(properties.trustedProxies().stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        this.limit = properties.burst();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TokenBuckets.Decision decision = buckets.take(client(request));
        response.setHeader("RateLimit-Limit", String.valueOf(limit));
        response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "more than " + limit + " requests in a burst from this client; try again in "
                        + decision.retryAfterSeconds() + " s");
        problem.setType(URI.create("https://kjj.wenzhou.gov.cn/problems/rate-limited"));
        problem.setTitle("Too many requests");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("retryAfterSeconds", decision.retryAfterSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
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
