package cn.gov.wenzhou.kjj.devstack.browser;

import cn.gov.wenzhou.kjj.devstack.StackService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * What the journeys need from people who are not in the browser (another organisation, a second officer): the
 * services' REST API with the dev stack's machine clients' tokens. Every call must succeed.
 */
final class ServiceCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BrowserStack stack;

    ServiceCalls(BrowserStack stack) {
        this.stack = stack;
    }

    JsonNode get(StackService service, String client, String path) {
        return send(service, client, HttpRequest.newBuilder(uri(service, path)).GET());
    }

    JsonNode post(StackService service, String client, String path, String json) {
        return send(service, client, HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode put(StackService service, String client, String path, String json) {
        return send(service, client, HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(StackService service, String path) {
        return URI.create(stack.services().baseUrl(service) + path);
    }

    private JsonNode send(StackService service, String client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer "
                    + stack.clientToken(client)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(service.name() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
