package cn.gov.wenzhou.kjj.auth;

import cn.gov.wenzhou.kjj.ratelimit.ClientRateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rate limit on the token endpoint per client id (from its Basic credentials or {@code client_id}; the connection's
 * address when it names none): guessing a client's secret, or a client fetching a token per request, is answered
 * {@code 429} with {@code Retry-After} before the credentials are even checked. Generous by default (a burst of 60,
 * then 120 a minute per client); a client that many people sign in through (the console) may be given more.
 */
@Configuration
@EnableConfigurationProperties(TokenEndpointRateLimit.Properties.class)
public class TokenEndpointRateLimit {

    static final String TOKEN_ENDPOINT = "/oauth2/token";
    private static final String CLIENT = "client:";
    private static final String ADDRESS = "address:";

    /**
     * @param perMinute  token requests a client may make per minute, sustained
     * @param burst      token requests a client may make at once
     * @param maxClients clients tracked at once (memory bound)
     * @param clients    other limits by client id
     */
    @ConfigurationProperties("stb.auth.token-rate-limit")
    public record Properties(@DefaultValue("120") int perMinute, @DefaultValue("60") int burst,
                             @DefaultValue("10000") int maxClients,
                             @DefaultValue Map<String, ClientRateLimit.Limit> clients) {
    }

    /** Before Spring Security, so a refused request never reaches the credential check. */
    @Bean
    public FilterRegistrationBean<Filter> tokenEndpointRateLimitFilter(Properties properties) {
        Map<String, ClientRateLimit.Limit> named = properties.clients().entrySet().stream()
                .collect(Collectors.toMap(e -> CLIENT + e.getKey(), Map.Entry::getValue));
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(new ClientRateLimit(
                new ClientRateLimit.Limit(properties.perMinute(), properties.burst()), properties.maxClients(),
                named, "token requests", System::nanoTime)));
        registration.addUrlPatterns(TOKEN_ENDPOINT);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final ClientRateLimit limit;

        Filter(ClientRateLimit limit) {
            this.limit = limit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (limit.admit(client(request), request, response)) {
                chain.doFilter(request, response);
            }
        }

        static String client(HttpServletRequest request) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return CLIENT + URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon),
                            StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return ADDRESS + request.getRemoteAddr();
                }
            }
            String clientId = request.getParameter("client_id");
            return clientId != null && !clientId.isBlank() ? CLIENT + clientId : ADDRESS + request.getRemoteAddr();
        }
    }
}
