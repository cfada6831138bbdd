package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
@ExtendWith(OutputCaptureExtension.class)
class HardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient officer;

    @BeforeEach
    void setUp() {
        officer = ApiClient.on(port).as("FUNDING_OFFICER");
    }

    @Test
    void bodyDeclaredLargerThanTheLimitIsRefusedWith413AndNothingIsStored() {
        long before = eventCount();
        ApiClient.Response response = officer.post("/ledgers", hugeJson());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("too-large");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void chunkedBodyThatGrowsPastTheLimitIsRefusedWith413() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ledgers"))
                .header("Authorization", "Bearer " + TestTokens.get().mint("t", List.of("FUNDING_OFFICER"), null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(hugeJson().getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void corsIsClosedByDefault() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ledgers"))
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(preflight,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.statusCode()).isIn(401, 403);
    }

    @Test
    void refusedAttemptsAreLoggedWithoutTheTokenOrItsSubject(CapturedOutput output) {
        String token = TestTokens.get().expired("someone-personal", List.of("FUNDING_OFFICER"));
        assertThat(ApiClient.on(port).withToken(token).post("/ledgers", "{}").status()).isEqualTo(401);
        assertThat(ApiClient.on(port).as("FINANCE_AUDITOR").post("/ledgers", "{}").status()).isEqualTo(403);

        assertThat(output.getAll()).contains("401 POST /ledgers").contains("403 POST /ledgers")
                .doesNotContain(token).doesNotContain("someone-personal");
    }

    @Test
    void errorBodiesCarryNoStackTraceOrSql() {
        ApiClient.Response response = officer.post("/ledgers", "{\"name\": ");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.").doesNotContain("select ");
    }

    @Test
    void theEventCatalogueIsServedWithoutAToken() {
        ApiClient anonymous = ApiClient.on(port).anonymous();
        ApiClient.Response document = anonymous.get("/asyncapi.yaml");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("asyncapi: 3.1.0");
        ApiClient.Response schema = anonymous.get("/schemas/registry.platform.v1/PlatformRegistered.schema.json");
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.json().path("$id").asText()).endsWith("registry.platform.v1/PlatformRegistered.schema.json");
        assertThat(anonymous.get("/schemas/../application.yml").status()).isIn(400, 404);
    }

    private static String hugeJson() {
        return "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"openedOn\": \"2024-01-02\"}";
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
