package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.security.Actor;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
class ResourceServerTest {

    private static final String OPEN = "{\"name\": \"secured\", \"openedOn\": \"2024-01-02\"}";
    private static final List<String> OFFICER = List.of("FUNDING_OFFICER");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.on(port);
    }

    @Test
    void noTokenIs401AndNothingIsStored() {
        long before = eventCount();
        ApiClient.Response response = api.anonymous().post("/ledgers", OPEN);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void expiredTokenIs401() {
        assertThat(api.withToken(TestTokens.get().expired("someone", OFFICER)).post("/ledgers", OPEN).status())
                .isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        assertThat(api.withToken(TestTokens.get().fromWrongIssuer("someone", OFFICER)).post("/ledgers", OPEN)
                .status()).isEqualTo(401);
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        assertThat(api.withToken(TestTokens.get().forWrongAudience("someone", OFFICER)).post("/ledgers", OPEN)
                .status()).isEqualTo(401);
    }

    @Test
    void tamperedTokenIs401() {
        assertThat(api.withToken(TestTokens.get().tampered("someone", OFFICER)).post("/ledgers", OPEN).status())
                .isEqualTo(401);
    }

    @Test
    void tokenSignedByAnUntrustedKeyIs401() {
        assertThat(api.withToken(TestTokens.get().withForeignSignature("someone", OFFICER)).post("/ledgers", OPEN)
                .status()).isEqualTo(401);
    }

    @Test
    void validTokenWithoutTheRoleIs403AndNothingIsStored() {
        long before = eventCount();
        assertThat(api.as("FINANCE_AUDITOR").post("/ledgers", OPEN).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void endpointWithoutARuleIsDeniedEvenToAnAuthenticatedCaller() {
        assertThat(api.as("FUNDING_OFFICER").get("/ledgers").status()).isEqualTo(403);
    }

    @Test
    void healthAndApiDocsNeedNoToken() {
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void metricsAndInfoAreForOperatorsOnly() {
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.as("FUNDING_OFFICER").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.as("OPERATOR").get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.as("OPERATOR").get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        assertThat(api.as("OPERATOR").get("/actuator/env").status()).isIn(403, 404);
        assertThat(api.as("OPERATOR").get("/actuator/beans").status()).isIn(403, 404);
    }

    @Test
    void theCallerIsRecordedInTheEventsItCauses() throws Exception {
        String ledgerId = api.as("FUNDING_OFFICER").post("/ledgers", OPEN).body();

        byte[] metadata = jdbc.queryForObject(
                "select meta_data from domain_event_entry where aggregate_identifier = ?", byte[].class, ledgerId);
        JsonNode recorded = new ObjectMapper().readTree(metadata);
        assertThat(recorded.path(Actor.SUBJECT_KEY).asText()).isEqualTo("test-funding_officer");
        assertThat(recorded.path(Actor.ROLE_KEY).asText()).isEqualTo("FUNDING_OFFICER");
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
