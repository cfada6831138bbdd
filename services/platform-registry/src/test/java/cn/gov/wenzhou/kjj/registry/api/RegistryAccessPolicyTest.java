package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.support.web.ApiDocumentChecks;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint has a rule (anything missing is denied); every rule is enforced as written. */
@RegistryIntegrationTest
class RegistryAccessPolicyTest {

    @LocalServerPort
    int port;
    @Autowired
    AccessPolicy policy;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final AntPathMatcher paths = new AntPathMatcher();

    record Endpoint(HttpMethod method, String path) {
        /** The path with every {variable} filled in, as a caller would send it. */
        String concrete() {
            return path.replaceAll("\\{[^}]+}", "2024");
        }
    }

    @Test
    void everyOperationDeclaresTheProblemsItCanAnswerAndTheDocumentItsLicenceAndServers() {
        ApiDocumentChecks.everyOperationDeclaresTheProblemsItCanAnswer(port);
    }

    @Test
    void everyApiEndpointHasARule() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(16);
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(ruleFor(endpoint))
                .as(endpoint.method() + " " + endpoint.path()).isPresent());
    }

    @Test
    void everyEndpointAnswersAnonymousCallersWith401() {
        ApiClient anonymous = ApiClient.on(port).anonymous();
        for (Endpoint endpoint : endpoints()) {
            assertThat(anonymous.exchange(endpoint.method(), endpoint.concrete(),
                    endpoint.method() == HttpMethod.GET ? null : "{}").status())
                    .as(endpoint.method() + " " + endpoint.path()).isEqualTo(401);
        }
    }

    @Test
    void everyRoleOutsideAnEndpointsRuleIsForbidden() {
        for (Endpoint endpoint : endpoints()) {
            Set<Role> allowed = ruleFor(endpoint).orElseThrow().roles();
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(allowed))) {
                ApiClient caller = ApiClient.on(port).as(role);
                assertThat(caller.exchange(endpoint.method(), endpoint.concrete(),
                        endpoint.method() == HttpMethod.GET ? null : "{}").status())
                        .as(role + " " + endpoint.method() + " " + endpoint.path()).isEqualTo(403);
            }
        }
    }

    @Test
    void onlyRegistryStaffAndPlatformsForThemselvesWrite() {
        assertThat(policy.rules()).filteredOn(rule -> rule.method() == HttpMethod.POST
                        && rule.pattern().startsWith("/api/"))
                .allSatisfy(rule -> assertThat(rule.roles()).contains(Role.REGISTRY_ADMIN)
                        .isSubsetOf(Set.of(Role.REGISTRY_ADMIN, Role.PLATFORM)));
    }

    @Test
    void apiDocumentationIsPublicAndDescribesEveryEndpointWithATagAndASummary() {
        JsonNode docs = ApiClient.on(port).anonymous().get("/v3/api-docs").json();
        for (Endpoint endpoint : endpoints()) {
            JsonNode operation = docs.path("paths").path(endpoint.path())
                    .path(endpoint.method().name().toLowerCase());
            assertThat(operation.isMissingNode()).as(endpoint.path()).isFalse();
            assertThat(operation.path("summary").asText()).as(endpoint.path()).isNotBlank();
            assertThat(operation.path("tags")).as(endpoint.path()).isNotEmpty();
        }
    }

    private Optional<AccessPolicy.Rule> ruleFor(Endpoint endpoint) {
        // the filter chain takes the first rule that matches, in the policy's order
        return policy.rules().stream()
                .filter(rule -> rule.method() == endpoint.method() && paths.match(rule.pattern(), endpoint.concrete()))
                .findFirst();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (Iterator<org.springframework.web.bind.annotation.RequestMethod> methods =
                     info.getMethodsCondition().getMethods().iterator(); methods.hasNext(); ) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(methods.next().name()), path));
                }
            }
        }
        return endpoints;
    }
}
