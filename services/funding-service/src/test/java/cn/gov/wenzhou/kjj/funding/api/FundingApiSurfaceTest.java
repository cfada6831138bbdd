package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import cn.gov.wenzhou.kjj.support.web.ApiDocumentChecks;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every funding endpoint is in the access policy (else it is denied to all) and documented for Swagger UI. */
@FundingIntegrationTest
class FundingApiSurfaceTest {

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
    void everyEndpointHasAnAccessRuleAndASwaggerSummary() {
        AntPathMatcher matcher = new AntPathMatcher();
        List<String> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(method + " " + pattern);
                    assertThat(policy.rules()).as("access rule for " + method + " " + pattern)
                            .anyMatch(rule -> rule.method().name().equals(method.name())
                                    && matcher.match(rule.pattern(), path));
                }
                assertThat(entry.getValue().getMethodAnnotation(Operation.class)).as("@Operation on " + pattern)
                        .isNotNull();
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(30);
        JsonNode docs = ApiClient.on(port).anonymous().get("/v3/api-docs").json();
        assertThat(docs.path("paths").has("/api/projects/{projectId}/disbursements")).isTrue();
        assertThat(docs.path("paths").has("/api/audit/money-events.xlsx")).isTrue();
    }
}
