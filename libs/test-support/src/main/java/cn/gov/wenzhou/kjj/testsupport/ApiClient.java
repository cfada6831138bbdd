package cn.gov.wenzhou.kjj.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a service's REST API in a test as a given role, with a real signed token from {@link TestTokens}.
 * Never throws for an HTTP error: the test asserts on {@link Response#status()}.
 *
 * <pre>
 *   ApiClient api = ApiClient.on(port);
 *   api.as("REGISTRY_ADMIN").post("/api/platforms", json).status();
 *   api.as("ENTERPRISE").forOrganisation("91330300MA2H7K8L0G").get("/api/applications");
 * </pre>
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final String token;
    private final Map<String, String> headers;

    private ApiClient(RestClient http, String token, Map<String, String> headers) {
        this.http = http;
        this.token = token;
        this.headers = headers;
    }

    public static ApiClient on(int port) {
        return on("http://localhost:" + port);
    }

    public static ApiClient on(String baseUrl) {
        return new ApiClient(RestClient.builder().baseUrl(baseUrl).build(), null, Map.of());
    }

    /** The same client, calling with a token for these roles (subject {@code test-<role>}). */
    public ApiClient as(String... roles) {
        return withToken(TestTokens.get().mint("test-" + String.join("-", roles).toLowerCase(), Arrays.asList(roles),
                null));
    }

    public ApiClient as(Enum<?>... roles) {
        return as(Arrays.stream(roles).map(Enum::name).toArray(String[]::new));
    }

    /** An ENTERPRISE or PLATFORM caller acting for its own organisation. */
    public ApiClient asOrganisation(String role, String creditCode) {
        return withToken(TestTokens.get().mint("org-" + creditCode, List.of(role), creditCode));
    }

    /** A caller for an organisation holding several roles at once (an organisation role among them, or not). */
    public ApiClient asOrganisationWithRoles(String creditCode, String... roles) {
        return withToken(TestTokens.get().mint("org-" + creditCode + "-" + String.join("-", roles).toLowerCase(),
                Arrays.asList(roles), creditCode));
    }

    public ApiClient withToken(String bearerToken) {
        return new ApiClient(http, bearerToken, headers);
    }

    public ApiClient anonymous() {
        return new ApiClient(http, null, headers);
    }

    public ApiClient header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(http, token, more);
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public Response post(String path, String json) {
        return exchange(HttpMethod.POST, path, json);
    }

    public Response put(String path, String json) {
        return exchange(HttpMethod.PUT, path, json);
    }

    public Response delete(String path) {
        return exchange(HttpMethod.DELETE, path, null);
    }

    public Response exchange(HttpMethod method, String path, String json) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.forEach(request::header);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders()));
    }

    /** An HTTP answer: status, body, headers, and the body as JSON. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
