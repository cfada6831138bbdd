package cn.gov.wenzhou.kjj.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + AuthServerApplication.CONFIG_NAME,
                "stb.auth.token-rate-limit.clients." + AuthServerTest.GUESSER + ".per-minute=1",
                "stb.auth.token-rate-limit.clients." + AuthServerTest.GUESSER + ".burst=3"})
class AuthServerTest {

    static final String GUESSER = "secret-guesser";

    @LocalServerPort
    int port;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void roleClientGetsATokenWithRolesAndTheServicesAudience() throws Exception {
        JsonNode claims = claimsOf(token("registry-admin", "registry-admin-secret"));

        assertThat(claims.path("sub").asText()).isEqualTo("registry-admin");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"REGISTRY_ADMIN\"]");
        assertThat(claims.path("aud").toString()).contains("wenzhou-stb");
        assertThat(claims.path("iss").asText()).isEqualTo("http://localhost:9000");
        assertThat(claims.has("credit_code")).isFalse();
    }

    @Test
    void enterpriseClientsTokenIsScopedToItsCreditCode() throws Exception {
        JsonNode claims = claimsOf(token("enterprise-demo", "enterprise-demo-secret"));

        assertThat(claims.path("roles").toString()).isEqualTo("[\"ENTERPRISE\"]");
        assertThat(claims.path("credit_code").asText()).isEqualTo("91330300MA2H7K8L0G");
    }

    @Test
    void wrongSecretGetsNoToken() {
        int status = http().post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth("operator", "not-the-secret"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(401);
    }

    @Test
    void aClientGuessingSecretsIsRateLimitedAtTheTokenEndpointWithRetryAfter() {
        // the test's configuration gives secret-guesser 3 tries at once, then one a minute
        for (int i = 0; i < 3; i++) {
            assertThat(tokenRequest(GUESSER, "guess-" + i).getStatusCode().value()).isEqualTo(401);
        }

        ResponseEntity<String> limited = tokenRequest(GUESSER, "guess-3");

        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(Long.parseLong(limited.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(limited.getBody()).contains("\"type\":\"https://kjj.wenzhou.gov.cn/problems/rate-limited\"")
                .doesNotContain("guess-");
        assertThat(tokenRequest("registry-admin", "registry-admin-secret").getStatusCode().value())
                .as("another client is not limited by it").isEqualTo(200);
        assertThat(tokenRequest("registry-admin", "registry-admin-secret").getHeaders().getFirst("RateLimit-Limit"))
                .as("every other client has the generous default").isEqualTo("60");
    }

    private ResponseEntity<String> tokenRequest(String clientId, String secret) {
        return http().post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    /** The orchestrator's probes (deploy/kubernetes) ask Actuator's readiness and liveness groups. */
    @Test
    void theReadinessAndLivenessGroupsAnswerWithoutSignIn() throws Exception {
        for (String group : new String[]{"readiness", "liveness"}) {
            ResponseEntity<String> health = http().get().uri("/actuator/health/" + group)
                    .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                            .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
            assertThat(health.getStatusCode().value()).as(group).isEqualTo(200);
            assertThat(json.readTree(health.getBody()).path("status").asText()).as(group).isEqualTo("UP");
        }
    }

    @Test
    void discoveryDocumentNamesTheIssuerAndItsKeys() throws Exception {
        JsonNode discovery = json.readTree(http().get().uri("/.well-known/openid-configuration")
                .retrieve().body(String.class));
        assertThat(discovery.path("issuer").asText()).isEqualTo("http://localhost:9000");
        assertThat(discovery.path("jwks_uri").asText()).endsWith("/oauth2/jwks");
        JsonNode keys = json.readTree(http().get().uri("/oauth2/jwks").retrieve().body(String.class));
        assertThat(keys.path("keys")).hasSize(1);
    }

    @Test
    void theConsolesSignInIsRefusedWithoutAProofKey() throws Exception {
        java.net.http.HttpResponse<Void> withoutPkce = authorize("");
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow())
                .startsWith("http://127.0.0.1:8080/login/oauth2/code/stb?error=invalid_request");

        java.net.http.HttpResponse<Void> withPkce = authorize(
                "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        assertThat(withPkce.statusCode()).isEqualTo(302);
        assertThat(withPkce.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theConsolesRedirectOnALoopbackAddressMayUseAnyPort() throws Exception {
        java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/oauth2/authorize?response_type=code&client_id=console&scope=openid&state=s"
                        + "&redirect_uri=http://127.0.0.1:43210/login/oauth2/code/stb"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private java.net.http.HttpResponse<Void> authorize(String pkce) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/oauth2/authorize?response_type=code"
                        + "&client_id=console&scope=openid&state=s"
                        + "&redirect_uri=http://127.0.0.1:8080/login/oauth2/code/stb" + pkce)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    private String token(String clientId, String secret) throws Exception {
        String body = http().post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve().body(String.class);
        return json.readTree(body).path("access_token").asText();
    }

    private JsonNode claimsOf(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new AssertionError("answered " + response.getStatusCode());
                })
                .build();
    }
}
