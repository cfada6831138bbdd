package cn.gov.wenzhou.kjj.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Raw HTTP as a hostile or hurried client sends it: any bytes as the body, any token, a bound on every answer. Each
 * exchange is timed; one that gets no answer (refused connection, timeout) is an answer of status 0.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    /** No request waits longer than this for its answer: past it, the request counts as unanswered. */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    /** One answer: its status (0 when none came), body, content type and how long it took. */
    record Answer(int status, String body, String contentType, String retryAfter, long millis) {

        boolean answered() {
            return status > 0;
        }

        /** An RFC 9457 problem detail: its media type, and a JSON object with the status it was sent with. */
        boolean isProblemDetail() {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return false;
            }
            return json().map(node -> node.path("status").asInt() == status).orElse(false);
        }

        Optional<JsonNode> json() {
            try {
                return Optional.of(JSON.readTree(body));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        String rule() {
            return json().map(node -> node.path("rule").asText(null)).orElse(null);
        }
    }

    static Answer send(String method, String url, String token, byte[] body) {
        return send(method, url, token, body, "application/json, application/problem+json");
    }

    /** A GET of something other than JSON (the Prometheus scrape: text). */
    static Answer getText(String url, String token) {
        return send("GET", url, token, null, "text/plain, application/problem+json");
    }

    /** A JSON request with headers of its own besides (an {@code Idempotency-Key}). */
    static Answer send(String method, String url, String token, String json, java.util.Map<String, String> headers) {
        return send(method, url, token, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                "application/json, application/problem+json", headers);
    }

    private static Answer send(String method, String url, String token, byte[] body, String accept) {
        return send(method, url, token, body, accept, java.util.Map.of());
    }

    private static Answer send(String method, String url, String token, byte[] body, String accept,
                               java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_BOUND)
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), elapsed(started));
        } catch (IOException e) {
            return new Answer(0, String.valueOf(e), null, null, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", null, null, elapsed(started));
        }
    }

    static Answer send(String method, String url, String token, String json) {
        return send(method, url, token, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
