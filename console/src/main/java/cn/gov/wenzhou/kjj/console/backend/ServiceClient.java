package cn.gov.wenzhou.kjj.console.backend;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls one service's REST API with the signed-in user's access token (added by the {@link RestClient}'s OAuth2
 * interceptor) and turns every failure into a {@link ServiceProblem}: the pages never see an HTTP client exception.
 */
public final class ServiceClient {

    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);
    /** Decimals as BigDecimal: a score or an amount is never turned into a binary floating-point number. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Service service;
    private final RestClient http;

    ServiceClient(Service service, RestClient http) {
        this.service = service;
        this.http = http;
    }

    public Service service() {
        return service;
    }

    public <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(() -> http.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve()
                .onStatus(HttpStatusCode::isError, this::raise).body(type));
    }

    public <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return call(() -> http.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve()
                .onStatus(HttpStatusCode::isError, this::raise).body(type));
    }

    public JsonNode get(String path) {
        return get(uri -> uri.path(path).build(), JsonNode.class);
    }

    /** A JSON answer as plain maps and lists, for the templates; decimals stay exact. */
    public Map<String, Object> getMap(Function<UriBuilder, URI> uri) {
        return asMap(get(uri, JsonNode.class));
    }

    public List<Map<String, Object>> getList(Function<UriBuilder, URI> uri) {
        return JSON.convertValue(get(uri, JsonNode.class), new TypeReference<>() {
        });
    }

    /** Sends a command; the answer's body (often a small JSON object) or an empty object. */
    public JsonNode post(String path, Object body) {
        return send(org.springframework.http.HttpMethod.POST, path, body, Map.of());
    }

    /**
     * Sends a command with extra request headers (e.g. {@code Idempotency-Key}, so that a form sent twice moves money
     * once); the method is POST or PUT.
     */
    public JsonNode send(org.springframework.http.HttpMethod method, String path, Object body,
                         Map<String, String> headers) {
        return call(() -> {
            RestClient.RequestBodySpec request = http.method(method).uri(uri -> uri.path(path).build())
                    .accept(MediaType.APPLICATION_JSON);
            headers.forEach(request::header);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            JsonNode answer = request.retrieve().onStatus(HttpStatusCode::isError, this::raise).body(JsonNode.class);
            return answer == null ? JSON.createObjectNode() : answer;
        });
    }

    /**
     * Waits (bounded) until a record the service has just created can be read: the service answers a command once
     * its event is stored, and its read model follows moments later. The page after the command then never says
     * "not found" for what was just made. Past the bound it returns anyway: the command stands, and the page shows
     * the record once it arrives.
     */
    public void awaitReadable(String path, java.time.Duration atMost, java.time.Duration poll) {
        awaitReadable(path, record -> true, atMost, poll);
    }

    /**
     * Waits (bounded) until the service's view of a record shows what a command just did (e.g. the state its answer
     * named), so the page after the command does not show the record as it was.
     */
    public void awaitReadable(String path, java.util.function.Predicate<JsonNode> caughtUp, java.time.Duration atMost,
                              java.time.Duration poll) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            try {
                if (caughtUp.test(get(uri -> uri.path(path).build(), JsonNode.class))) {
                    return;
                }
                throw new ServiceProblem.NotFound(service, "not caught up yet");
            } catch (ServiceProblem.NotFound notYet) {
                if (System.nanoTime() > deadline) {
                    return;
                }
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A text document (YAML, a JSON Schema) as the service serves it, read as UTF-8 whatever its type says. */
    public String getText(String path) {
        byte[] bytes = call(() -> http.get().uri(uri -> uri.path(path).build()).retrieve()
                .onStatus(HttpStatusCode::isError, this::raise).body(byte[].class));
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Streams a download from the service into {@code out}, never holding it whole; {@code headers} receives the
     * service's content type and disposition before the first byte is written.
     */
    public void download(Function<UriBuilder, URI> uri, Consumer<HttpHeaders> headers, OutputStream out) {
        call(() -> http.get().uri(uri).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                raise(request, response);
            }
            headers.accept(response.getHeaders());
            try (InputStream body = response.getBody()) {
                StreamUtils.copy(body, out);
            }
            return null;
        }, true));
    }

    private <T> T call(java.util.function.Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (ServiceProblem problem) {
            throw problem;
        } catch (ResourceAccessException e) {
            log.warn("{} is not reachable: {}", service.id(), e.getMessage());
            throw new ServiceProblem.Unavailable(service, e.getMessage());
        }
    }

    private void raise(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode problem = problemOf(response);
        String detail = problem.path("detail").asText(response.getStatusText());
        switch (status) {
            case 400 -> {
                List<ServiceProblem.FieldMessage> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(new ServiceProblem.FieldMessage(
                        error.path("field").asText(), error.path("message").asText())));
                throw new ServiceProblem.InvalidInput(service, detail, fields);
            }
            case 401, 403 -> throw new ServiceProblem.NotAllowed(service, detail);
            case 404 -> throw new ServiceProblem.NotFound(service, detail);
            case 409 -> throw new ServiceProblem.RuleViolated(service, problem.path("rule").asText("conflict"),
                    detail);
            default -> {
                log.warn("{} answered {} to {} {}: {}", service.id(), status, request.getMethod(),
                        request.getURI().getPath(), detail);
                if (status == 413 || status == 422 || status < 500) {
                    throw new ServiceProblem.InvalidInput(service, detail, List.of());
                }
                throw new ServiceProblem.Unavailable(service, status + " " + detail);
            }
        }
    }

    private static JsonNode problemOf(ClientHttpResponse response) {
        try (InputStream body = response.getBody()) {
            byte[] bytes = body.readNBytes(64 * 1024);
            if (bytes.length == 0) {
                return JSON.createObjectNode();
            }
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    static ObjectMapper json() {
        return JSON;
    }

    /** Converts a JSON answer into a plain map for the templates. */
    public static Map<String, Object> asMap(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<>() {
        });
    }
}
