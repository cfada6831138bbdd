package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import cn.gov.wenzhou.kjj.support.web.ApiDocumentChecks;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint has an access rule (anything missing would be denied) and a documented summary in Swagger. */
@TalentIntegrationTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;
    @Autowired
    AccessPolicy policy;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationDeclaresTheProblemsItCanAnswerAndTheDocumentItsLicenceAndServers() {
        ApiDocumentChecks.everyOperationDeclaresTheProblemsItCanAnswer(port);
    }

    @Test
    void everyEndpointOfTheServiceHasAnAccessRule() {
        List<String> endpoints = endpoints();
        AntPathMatcher paths = new AntPathMatcher();

        assertThat(endpoints).hasSizeGreaterThan(15);
        assertThat(endpoints).allSatisfy(endpoint -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            assertThat(policy.rules()).as(endpoint).anyMatch(rule ->
                    rule.method().name().equals(method) && paths.match(rule.pattern(), path));
        });
    }

    @Test
    void everyApiOperationIsDocumentedWithASummary() {
        JsonNode paths = ApiClient.on(port).anonymous().get("/v3/api-docs").json().path("paths");
        List<String> documented = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (path.getKey().startsWith("/api/")) {
                assertThat(operation.getValue().path("summary").asText()).as(path.getKey()).isNotBlank();
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(endpoints().stream()
                .filter(endpoint -> endpoint.contains(" /api/")).toList());
    }

    private List<String> endpoints() {
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach((RequestMappingInfo info) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/ops/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        endpoints.add(method.name() + " " + pattern);
                    }
                }
            }
        });
        return endpoints;
    }
}
