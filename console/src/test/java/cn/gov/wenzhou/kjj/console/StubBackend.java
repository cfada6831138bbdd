package cn.gov.wenzhou.kjj.console;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services and the issuer's discovery document as the console's tests need them: canned answers per method and
 * path on a loopback HTTP server, and a record of every request (with its bearer token and body).
 */
final class StubBackend implements AutoCloseable {

    record Answer(int status, String contentType, String body) {
    }

    record Request(String method, String path, String query, String authorization, String body,
                   Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, java.util.Queue<Answer>> firstAnswers = new ConcurrentHashMap<>();
    /** Answers for requests whose query holds a parameter (e.g. {@code role=FUNDING_OFFICER}), before the others. */
    private final Map<String, Map<String, Answer>> queryAnswers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StubBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body,
                    Map.copyOf(exchange.getRequestHeaders())));
            java.util.Queue<Answer> queued = firstAnswers.get(exchange.getRequestMethod() + " " + path);
            Answer first = queued == null ? null : queued.poll();
            if (first == null) {
                first = byQuery(exchange.getRequestMethod() + " " + path, exchange.getRequestURI().getRawQuery());
            }
            Answer answer = first != null ? first : answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                    new Answer(404, "application/problem+json", "{\"status\":404,\"detail\":\"no stub for "
                            + path + "\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String issuer = url();
        answer("GET", "/.well-known/openid-configuration", 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/oauth2/authorize",
                 "token_endpoint": "%1$s/oauth2/token", "jwks_uri": "%1$s/oauth2/jwks",
                 "end_session_endpoint": "%1$s/connect/logout", "response_types_supported": ["code"],
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}"""
                .formatted(issuer));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubBackend answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, jsonType(status), json));
        return this;
    }

    StubBackend answer(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body));
        return this;
    }

    /** Requests whose query holds {@code parameter} (as {@code name=value}) get this answer. */
    StubBackend answerWhenQueryHas(String method, String path, String parameter, int status, String json) {
        queryAnswers.computeIfAbsent(method + " " + path, key -> new ConcurrentHashMap<>())
                .put(parameter, new Answer(status, jsonType(status), json));
        return this;
    }

    private Answer byQuery(String request, String query) {
        Map<String, Answer> byParameter = queryAnswers.get(request);
        if (byParameter == null || query == null) {
            return null;
        }
        List<String> parameters = List.of(query.split("&"));
        return byParameter.entrySet().stream().filter(entry -> parameters.contains(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The next {@code times} requests get this answer, then the standing one (a read model that lags, say). */
    StubBackend answerFirst(int times, String method, String path, int status, String json) {
        java.util.Queue<Answer> queue = firstAnswers.computeIfAbsent(method + " " + path,
                key -> new java.util.concurrent.ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Answer(status, jsonType(status), json));
        }
        return this;
    }

    private static String jsonType(int status) {
        return status >= 400 ? "application/problem+json" : "application/json";
    }

    List<Request> requests() {
        return requests;
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
