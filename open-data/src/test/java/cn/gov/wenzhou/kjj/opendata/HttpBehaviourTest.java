package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

/** The public port's manners: ETags and caching on every answer, CORS, GET only, the rate limit, its own OpenAPI. */
@OpenDataIntegrationTest
class HttpBehaviourTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    OpenDataTestSupport openData;

    @BeforeEach
    void setUp() {
        openData = new OpenDataTestSupport(jdbc, port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/open/v1", "/open/v1/platforms", "/open/v1/platforms?district=LUCHENG&year=2024",
            "/open/v1/calls", "/open/v1/awards?limit=5", "/open/v1/talent-pool/years", "/open/v1/360giving/grants.csv",
            "/open/v1/openapi", "/swagger-ui/index.html"})
    void everyAnswerHasAnETagAndCacheControlAndAMatchingConditionalGetIs304(String path) {
        ApiClient api = openData.api();
        ApiClient.Response first = api.get(path);
        assertThat(first.status()).as(path).isEqualTo(200);
        String etag = first.headers().getETag();
        assertThat(etag).as(path).isNotBlank();
        assertThat(first.headers().getCacheControl()).as(path).contains("max-age=60").contains("public");

        assertThat(first.headers().get("ETag")).as(path).hasSize(1);
        assertThat(first.headers().get("Cache-Control")).as(path).hasSize(1);
        ApiClient.Response again = api.header("If-None-Match", etag).get(path);
        assertThat(again.status()).as(path).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().getETag()).isEqualTo(etag);
        assertThat(again.headers().getCacheControl()).contains("max-age=60");
    }

    @Test
    void anETagChangesWhenItsDatasetDoesAndOnlyThen() {
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "缓存测试研究院", "DONGTOU", "洞头区", "FOOTWEAR",
                LocalDate.of(2024, 1, 1));
        ApiClient api = openData.api();
        String platforms = api.get("/open/v1/platforms/" + platformId).headers().getETag();
        String pool = api.get("/open/v1/talent-pool/years").headers().getETag();

        openData.awaitApplied(openData.publish(new PlatformEvaluated(platformId, code, 2024, "PASS",
                new BigDecimal("66.00"), "2021.1", LocalDate.of(2025, 3, 1)), platformId));

        ApiClient.Response changed = api.header("If-None-Match", platforms).get("/open/v1/platforms/" + platformId);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.headers().getETag()).isNotEqualTo(platforms);
        assertThat(api.header("If-None-Match", pool).get("/open/v1/talent-pool/years").status()).isEqualTo(304);
    }

    @Test
    void anErrorIsNeverCached() {
        ApiClient.Response missing = openData.api().get("/open/v1/platforms/no-such-platform");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(missing.headers().getETag()).isNull();
        assertThat(missing.json().path("type").asText()).isEqualTo("https://kjj.wenzhou.gov.cn/problems/not-found");
        assertThat(openData.api().get("/open/v1/nothing-here").headers().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void anyOriginMayReadButNotWrite() {
        ApiClient.Response read = openData.api().header("Origin", "https://journalist.example").get("/open/v1/awards");
        assertThat(read.headers().getAccessControlAllowOrigin()).isEqualTo("*");
        assertThat(read.headers().getAccessControlExposeHeaders()).contains("ETag", "Link", "Retry-After");

        ApiClient.Response preflight = openData.api().header("Origin", "https://journalist.example")
                .header("Access-Control-Request-Method", "GET").exchange(HttpMethod.OPTIONS, "/open/v1/awards", null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers().getAccessControlAllowMethods()).extracting(HttpMethod::name)
                .containsExactlyInAnyOrder("GET", "HEAD");

        ApiClient.Response writePreflight = openData.api().header("Origin", "https://journalist.example")
                .header("Access-Control-Request-Method", "POST").exchange(HttpMethod.OPTIONS, "/open/v1/awards", null);
        assertThat(writePreflight.status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void nothingCanBeWritten(String method) {
        ApiClient.Response answer = openData.api().exchange(HttpMethod.valueOf(method), "/open/v1/platforms", "{}");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void aBurstOverTheLimitGets429WithRetryAfterAndOtherClientsGoOn() {
        ApiClient client = openData.api();
        List<Integer> statuses = new ArrayList<>();
        ApiClient.Response refused = null;
        // the bucket refills (2 a second here) while the burst is sent: on a loaded machine a burst + 5 requests
        // took 3.3 s and were all answered; the 429 comes once the burst and what refilled meanwhile are used up
        for (int i = 0; i < 3 * OpenDataTestSupport.BURST && refused == null; i++) {
            ApiClient.Response answer = client.get("/open/v1/talent-pool/years");
            statuses.add(answer.status());
            if (answer.status() == 429) {
                refused = answer;
            }
        }

        assertThat(refused).as("statuses " + statuses).isNotNull();
        assertThat(statuses.subList(0, statuses.size() - 1)).hasSizeGreaterThanOrEqualTo(OpenDataTestSupport.BURST)
                .containsOnly(200);
        assertThat(Integer.parseInt(refused.headers().getFirst("Retry-After"))).isBetween(1, 60);
        assertThat(refused.headers().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(refused.headers().getAccessControlAllowOrigin()).isNull(); // no Origin sent, no CORS header
        JsonNode problem = refused.json();
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("type").asText()).isEqualTo("https://kjj.wenzhou.gov.cn/problems/rate-limited");
        assertThat(problem.path("retryAfterSeconds").asInt()).isPositive();
        assertThat(openData.api().get("/open/v1/talent-pool/years").status()).isEqualTo(200);
    }

    @Test
    void itsOwnOpenApiDocumentDescribesEveryEndpointAndOnlyGets() {
        JsonNode openApi = openData.api().get("/open/v1/openapi").json();

        List<String> paths = new ArrayList<>();
        openApi.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/open/v1/platforms", "/open/v1/platforms/{platformId}", "/open/v1/calls",
                "/open/v1/calls/{callId}", "/open/v1/awards", "/open/v1/awards/{projectId}",
                "/open/v1/talent-pool/years", "/open/v1/360giving/grants.json", "/open/v1/360giving/grants.csv");
        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/open/v1"));
        openApi.path("paths").forEach(operations -> operations.fieldNames().forEachRemaining(method ->
                assertThat(method).isEqualTo("get")));
        assertThat(openApi.path("components").path("securitySchemes").isMissingNode()).isTrue();
    }
}
