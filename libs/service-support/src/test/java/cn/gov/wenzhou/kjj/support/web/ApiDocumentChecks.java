package cn.gov.wenzhou.kjj.support.web;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a running service's OpenAPI document must say of itself, for every service alike: its licence and servers,
 * and on every operation the error answers its filters and exception handler can give, as problem details. The
 * expected answers are derived here from the operation's shape, independently of {@link ProblemResponses}.
 */
public final class ApiDocumentChecks {

    private static final Set<String> READS = Set.of("get", "head", "options");

    private ApiDocumentChecks() {
    }

    public static void everyOperationDeclaresTheProblemsItCanAnswer(int port) {
        JsonNode document = ApiClient.on(port).anonymous().get("/v3/api-docs").json();
        assertThat(document.path("info").path("license").path("name").asText()).isNotBlank();
        assertThat(document.path("info").path("license").path("url").asText()).startsWith("https://");
        assertThat(document.path("servers")).isNotEmpty()
                .allSatisfy(server -> assertThat(server.path("url").asText()).startsWith("http"));
        assertThat(document.path("components").path("schemas").path(ProblemResponses.PROBLEM).path("properties")
                .fieldNames()).toIterable().contains("type", "title", "status", "detail", "rule", "errors");

        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey();
            JsonNode operation = entry.getValue();
            String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
            operations.add(name);
            Set<String> expected = new TreeSet<>(Set.of("401", "403", "503"));
            boolean body = operation.has("requestBody");
            if (body || !operation.path("parameters").isEmpty()) {
                expected.add("400");
            }
            if (path.getKey().contains("{")) {
                expected.add("404");
            }
            if (!READS.contains(method)) {
                expected.addAll(Set.of("409", "429"));
            }
            if (body) {
                expected.add("413");
            }
            JsonNode responses = operation.path("responses");
            for (String status : expected) {
                JsonNode answer = responses.path(status);
                assertThat(answer.isMissingNode()).as(name + " declares " + status).isFalse();
                assertThat(answer.path("description").asText()).as(name + " " + status).isNotBlank();
                assertThat(answer.path("content").fieldNames()).toIterable().as(name + " " + status + " content")
                        .containsExactly(ProblemResponses.PROBLEM_TYPE);
                assertThat(answer.path("content").path(ProblemResponses.PROBLEM_TYPE).path("schema").path("$ref")
                        .asText()).isEqualTo("#/components/schemas/" + ProblemResponses.PROBLEM);
            }
        }));
        assertThat(operations).hasSizeGreaterThan(10);
    }
}
