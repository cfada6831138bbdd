package cn.gov.wenzhou.kjj.support.web;

import cn.gov.wenzhou.kjj.ratelimit.ClientRateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Limits the writes of each authenticated caller ({@link WriteRateLimitProperties}); over the limit, {@code 429} with
 * {@code Retry-After} as a problem detail, and nothing done. Runs after the security filters, so only authenticated
 * callers reach it, each by its own subject; reads are never limited here.
 */
public class WriteRateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ClientRateLimit limit;

    public WriteRateLimitFilter(WriteRateLimitProperties properties, LongSupplier nanoTime) {
        this.limit = new ClientRateLimit(new ClientRateLimit.Limit(properties.perMinute(), properties.burst()),
                properties.maxClients(), properties.callers(), "writes", nanoTime);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (limit.admit(authentication.getName(), request, response)) {
            chain.doFilter(request, response);
        }
    }
}
