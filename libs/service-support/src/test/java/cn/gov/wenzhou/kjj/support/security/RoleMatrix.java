package cn.gov.wenzhou.kjj.support.security;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** Endpoints that are no one's API: documentation and errors (public). */
    private static final List<String> NOT_OURS = List.of("/v3/api-docs", "/swagger-ui", "/error", "/asyncapi",
            "/schemas/");
    /** The operations every service shares (support.ops): the filter chain gives them to OPERATOR, before any policy. */
    private static final String OPS = "/ops/";
    private static final String SOME_CREDIT_CODE = "91330300MA2H7K8L0G";

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
        assertThat(endpoints).filteredOn(endpoint -> !isOps(endpoint)).allSatisfy(endpoint -> assertThat(
                        ruleFor(endpoint))
                .as(endpoint + " has a rule in the access policy (an endpoint without one is denied to everyone)")
                .isPresent());
    }

    /**
     * Calls every endpoint as every role and checks the filter chain's decision against the policy (for the shared
     * operations under {@code /ops/}: OPERATOR only).
     */
    public void everyRoleGetsExactlyWhatThePolicySays() {
        for (Endpoint endpoint : endpoints()) {
            Set<Role> allowed = allowedRoles(endpoint);
            for (Role role : Role.values()) {
                ApiClient.Response response = call(api.asOrganisation(role.name(), SOME_CREDIT_CODE), endpoint);
                assertThat(deniedForRole(response))
                        .as("%s as %s (answered %s)", endpoint, role, response)
                        .isEqualTo(!allowed.contains(role));
                assertThat(response.status()).as("%s as %s is authenticated", endpoint, role).isNotEqualTo(401);
            }
            ApiClient.Response anonymous = call(api.anonymous(), endpoint);
            assertThat(anonymous.status()).as("%s without a token", endpoint).isEqualTo(401);
        }
    }

    /**
     * A token holding an organisation role (ENTERPRISE, PLATFORM) without a valid {@code credit_code} claim is refused
     * everywhere, alone or beside any other role: unscoped, it would see every organisation's records.
     */
    public void organisationRoleWithoutItsClaimIsRefusedEverywhere() {
        List<Role> others = Arrays.stream(Role.values()).filter(role -> !role.isOrganisation()).toList();
        for (Endpoint endpoint : endpoints()) {
            for (Role organisation : List.of(Role.ENTERPRISE, Role.PLATFORM)) {
                List<ApiClient> callers = List.of(api.as(organisation.name()),
                        api.as(concat(organisation, others)),
                        api.asOrganisationWithRoles("not-a-credit-code", organisation.name()),
                        api.asOrganisationWithRoles(" ", concat(organisation, others)));
                for (ApiClient caller : callers) {
                    ApiClient.Response response = call(caller, endpoint);
                    assertThat(response.status()).as("%s as %s without its claim (answered %s)", endpoint,
                            organisation, response).isEqualTo(403);
                    assertThat(response.body()).as("%s as %s without its claim", endpoint, organisation)
                            .contains(ResourceServerAutoConfiguration.FORBIDDEN_WITHOUT_ORGANISATION);
                }
            }
        }
    }

    /**
     * A token with an organisation role and another role may do what either role may (and the controllers scope it to
     * its organisation): the roles add up, they do not cancel each other.
     */
    public void mixedRolesMayWhatEitherRoleMay() {
        for (Endpoint endpoint : endpoints()) {
            Set<Role> allowed = allowedRoles(endpoint);
            for (Role organisation : List.of(Role.ENTERPRISE, Role.PLATFORM)) {
                for (Role other : Role.values()) {
                    if (other == organisation) {
                        continue;
                    }
                    ApiClient.Response response = call(api.asOrganisationWithRoles(SOME_CREDIT_CODE,
                            organisation.name(), other.name()), endpoint);
                    assertThat(deniedForRole(response))
                            .as("%s as %s + %s (answered %s)", endpoint, organisation, other, response)
                            .isEqualTo(!allowed.contains(organisation) && !allowed.contains(other));
                }
            }
        }
    }

    private ApiClient.Response call(ApiClient caller, Endpoint endpoint) {
        String body = endpoint.method() == HttpMethod.GET || endpoint.method() == HttpMethod.DELETE ? null : "{}";
        return caller.exchange(endpoint.method(), concrete(endpoint.pattern()), body);
    }

    private static boolean deniedForRole(ApiClient.Response response) {
        return response.status() == 403 && response.body().contains(ResourceServerAutoConfiguration.FORBIDDEN_BY_ROLE);
    }

    private static String[] concat(Role first, List<Role> more) {
        List<String> names = new ArrayList<>();
        names.add(first.name());
        more.forEach(role -> names.add(role.name()));
        return names.toArray(String[]::new);
    }

    private Set<Role> allowedRoles(Endpoint endpoint) {
        if (isOps(endpoint)) {
            return EnumSet.of(Role.OPERATOR);
        }
        return ruleFor(endpoint).map(AccessPolicy.Rule::roles).orElse(EnumSet.noneOf(Role.class));
    }

    private static boolean isOps(Endpoint endpoint) {
        return endpoint.pattern().startsWith(OPS);
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
