package cn.gov.wenzhou.kjj.support.security;

import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One table per service: which roles may call which endpoint. The filter chain is built from it, every request that
 * no rule matches is denied, and the role-matrix test fails for an endpoint that has no rule.
 * Scoping within a role (an enterprise sees only its own records) is the controller's job, via {@link CurrentActor}.
 */
public final class AccessPolicy {

    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
    }

    private final List<Rule> rules;

    private AccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Rule> rules() {
        return rules;
    }

    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        public Builder allow(HttpMethod method, String pattern, Role... roles) {
            if (roles.length == 0) {
                throw new IllegalArgumentException("a rule needs at least one role: " + method + " " + pattern);
            }
            rules.add(new Rule(method, pattern, EnumSet.copyOf(Arrays.asList(roles))));
            return this;
        }

        public Builder get(String pattern, Role... roles) {
            return allow(HttpMethod.GET, pattern, roles);
        }

        public Builder post(String pattern, Role... roles) {
            return allow(HttpMethod.POST, pattern, roles);
        }

        public Builder put(String pattern, Role... roles) {
            return allow(HttpMethod.PUT, pattern, roles);
        }

        public Builder delete(String pattern, Role... roles) {
            return allow(HttpMethod.DELETE, pattern, roles);
        }

        /**
         * The table, ending with the operations every service shares (support.ops: projections, parked events),
         * which the filter chain gives to {@link Role#OPERATOR} whatever the service's own rules say: listed here so
         * the table shows every endpoint's rule.
         */
        public AccessPolicy build() {
            List<Rule> all = new ArrayList<>(rules);
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
                all.add(new Rule(method, ResourceServerAutoConfiguration.OPS_PATHS, EnumSet.of(Role.OPERATOR)));
            }
            return new AccessPolicy(all);
        }
    }
}
