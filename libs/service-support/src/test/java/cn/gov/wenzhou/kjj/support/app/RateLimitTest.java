package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.ratelimit.TooManyRequests;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes are limited per caller: over its limit a caller gets 429 with Retry-After as a problem detail and nothing is
 * done; other callers and reads go on. The test's caller has a low limit of its own (support-test.yml); everyone else
 * has the generous default, which no test comes near.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class RateLimitTest {

    private static final String OPEN = "{\"name\": \"限流\", \"openedOn\": \"2024-01-02\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCallerOverItsWriteLimitIsAnswered429WithRetryAfterAndNothingIsDone() {
        ApiClient limited = ApiClient.on(port).withToken(TestTokens.get().mint("rate-limited-client",
                List.of("FUNDING_OFFICER", "OPERATOR"), null));
        assertThat(limited.post("/ledgers", OPEN).status()).isEqualTo(201);
        ApiClient.Response second = limited.post("/ledgers", OPEN);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.headers().getFirst("RateLimit-Remaining")).isEqualTo("0");
        long before = events();

        ApiClient.Response refused = limited.post("/ledgers", OPEN);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo(TooManyRequests.TYPE);
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(events()).isEqualTo(before);
        assertThat(limited.get("/ops/projections").status()).as("reads are not limited").isEqualTo(200);
        assertThat(ApiClient.on(port).as("FUNDING_OFFICER").post("/ledgers", OPEN).status())
                .as("another caller has its own bucket").isEqualTo(201);
    }

    @Test
    void anUnauthenticatedWriteIsRefusedBeforeItIsCounted() {
        assertThat(ApiClient.on(port).anonymous().post("/ledgers", OPEN).status()).isEqualTo(401);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%LedgerOpened'",
                Long.class);
    }
}
