package cn.gov.wenzhou.kjj.support.security;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of a service × every role → allowed or denied, as the service's {@link AccessPolicy} says, checked
 * against the running service with real tokens. The endpoints come from Spring MVC's handler mappings, so a new
 * endpoint without a rule fails {@link #everyEndpointHasARule()} and nobody has to remember to add it here.
 *
 * <p>"Allowed" means the access policy let the request through (whatever the controller then answers: 200, 400,
 * 404, 409, or 403 for another organisation's record); "denied" means the filter chain refused it for the roles.
 */
public final class RoleMatrix {

    /** Endpoints that are not the service's own API: documentation, errors, shared operations. */
    private static final List<String> NOT_OURS = List.of("/v3/api-docs", "/swagger-ui", "/error", "/asyncapi",
            "/schemas/", "/ops/");

    private final ApplicationContext context;
    private final AccessPolicy policy;
    private final ApiClient api;
    private final AntPathMatcher paths = new AntPathMatcher();

    public RoleMatrix(ApplicationContext context, int port) {
        this.context = context;
        this.policy = context.getBean(AccessPolicy.class);
        this.api = ApiClient.on(port);
    }

    public record Endpoint(HttpMethod method, String pattern) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** The service's own endpoints, from its handler mappings. */
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> endpointsOf(info, endpoints)));
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    public void everyEndpointHasARule() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the service exposes endpoints").isNotEmpty();
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(ruleFor(endpoint))
                .as(endpoint + " has a rule in the access policy (an endpoint without one is denied to everyone)")
                .isPresent());
    }

    /** Calls every endpoint as every role and checks the filter chain's decision against the policy. */
    public void everyRoleGetsExactlyWhatThePolicySays() {
        for (Endpoint endpoint : endpoints()) {
            Set<Role> allowed = ruleFor(endpoint).map(AccessPolicy.Rule::roles).orElse(EnumSet.noneOf(Role.class));
            String path = concrete(endpoint.pattern());
            String body = endpoint.method() == HttpMethod.GET || endpoint.method() == HttpMethod.DELETE ? null : "{}";
            for (Role role : Role.values()) {
                ApiClient.Response response = api.asOrganisation(role.name(), "91330300MA2H7K8L0G")
                        .exchange(endpoint.method(), path, body);
                boolean deniedForRole = response.status() == 403
                        && response.body().contains(ResourceServerAutoConfiguration.FORBIDDEN_BY_ROLE);
                assertThat(deniedForRole)
                        .as("%s as %s (answered %s)", endpoint, role, response)
                        .isEqualTo(!allowed.contains(role));
                assertThat(response.status()).as("%s as %s is authenticated", endpoint, role).isNotEqualTo(401);
            }
            ApiClient.Response anonymous = api.anonymous().exchange(endpoint.method(), path, body);
            assertThat(anonymous.status()).as("%s without a token", endpoint).isEqualTo(401);
        }
    }

    /** The rule Spring Security applies: the first whose method and pattern match. */
    private Optional<AccessPolicy.Rule> ruleFor(Endpoint endpoint) {
        String path = concrete(endpoint.pattern());
        return policy.rules().stream()
                .filter(rule -> rule.method().equals(endpoint.method()) && paths.match(rule.pattern(), path))
                .findFirst();
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "x0");
    }

    private static void endpointsOf(RequestMappingInfo info, List<Endpoint> into) {
        Set<String> patterns = info.getPatternValues();
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : patterns) {
            if (NOT_OURS.stream().anyMatch(pattern::startsWith)) {
                continue;
            }
            for (RequestMethod method : methods) {
                into.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern));
            }
        }
    }
}
