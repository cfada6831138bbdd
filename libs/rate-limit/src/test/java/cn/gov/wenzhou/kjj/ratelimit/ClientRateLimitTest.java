package cn.gov.wenzhou.kjj.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimitTest {

    private final AtomicLong now = new AtomicLong();
    private final ClientRateLimit limit = new ClientRateLimit(new ClientRateLimit.Limit(60, 2), 100,
            Map.of("bulk-import", new ClientRateLimit.Limit(600, 5)), "writes", now::get);

    @Test
    void overItsLimitAClientIsAnswered429WithRetryAfterAsAProblemDetail() throws Exception {
        assertThat(admit("officer").getHeader("RateLimit-Remaining")).isEqualTo("1");
        assertThat(admit("officer").getHeader("RateLimit-Remaining")).isEqualTo("0");

        MockHttpServletResponse refused = new MockHttpServletResponse();
        boolean admitted = limit.admit("officer", new MockHttpServletRequest("POST", "/api/calls"), refused);

        assertThat(admitted).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(refused.getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo(TooManyRequests.TYPE);
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/calls");
        assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(1);
        assertThat(problem.path("detail").asText()).contains("more than 2 writes");
    }

    @Test
    void aNamedClientHasTheLimitConfiguredForIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(admit("bulk-import").getStatus()).isEqualTo(200);
        }
        assertThat(admit("bulk-import").getStatus()).isEqualTo(429);
        assertThat(admit("someone-else").getHeader("RateLimit-Limit")).isEqualTo("2");
    }

    @Test
    void theDetailIsValidJsonWhateverItSays() throws Exception {
        assertThat(new ObjectMapper().readTree(TooManyRequests.quoted("a \"b\" \\ c\n\t")).asText())
                .isEqualTo("a \"b\" \\ c\n\t");
    }

    private MockHttpServletResponse admit(String client) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.admit(client, new MockHttpServletRequest("POST", "/api/calls"), response);
        return response;
    }
}
