package cn.gov.wenzhou.kjj.support.security;

import cn.gov.wenzhou.kjj.settings.RequiredProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service is an OAuth2 resource server: a JWT from the configured issuer, for the configured audience, with its
 * roles in the {@code roles} claim. Who may call what comes from the service's {@link AccessPolicy}; anything not in it
 * is denied, and so is everything to a token with an organisation role but no valid {@code credit_code} claim
 * ({@link OrganisationClaimRequired}). Unauthenticated: health and the API and event documentation only.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableConfigurationProperties(StbSecurityProperties.class)
public class ResourceServerAutoConfiguration {

    public static final String ROLES_CLAIM = "roles";
    /** Problem type of a request the access policy refuses for the caller's roles (the role matrix checks it). */
    public static final String FORBIDDEN_BY_ROLE = "forbidden-role";
    /** Problem type of a token with an organisation role but no valid {@code credit_code}: refused everywhere. */
    public static final String FORBIDDEN_WITHOUT_ORGANISATION = "forbidden-organisation-claim";
    /** Operations every service has (projections, parked events): for {@link Role#OPERATOR} only. */
    public static final String OPS_PATHS = "/ops/**";
    public static final String[] PUBLIC_PATHS = {
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**", "/asyncapi.yaml", "/schemas/**", "/error"};

    private static final Logger log = LoggerFactory.getLogger(ResourceServerAutoConfiguration.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The issuer whose tokens the service trusts; no default, since a default would be someone else's issuer. */
    public static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /**
     * No start without {@code OIDC_ISSUER_URI}: a service that trusted a default issuer (the demo one on localhost)
     * would take the demo's published client secrets as identities.
     */
    @Bean
    public static RequiredProperties issuerRequired(Environment environment) {
        return new RequiredProperties(environment, List.of(new RequiredProperties.Required(ISSUER_PROPERTY,
                "OIDC_ISSUER_URI", "The service cannot tell who is calling",
                "Set OIDC_ISSUER_URI to the bureau's OIDC issuer (docs/operators.md, \"Security\"). The dev stack"
                        + " passes its own demo issuer; the tests their own.")));
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, AccessPolicy policy, StbSecurityProperties properties)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .cors(cors -> cors.configurationSource(cors(properties)));
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC_PATHS).permitAll();
                    auth.requestMatchers(HttpMethod.GET, "/actuator/info", "/actuator/prometheus")
                            .access(OrganisationClaimRequired.and(Role.OPERATOR));
                    // every service's operations (support.ops: projections, parked events): operators only
                    auth.requestMatchers(OPS_PATHS).access(OrganisationClaimRequired.and(Role.OPERATOR));
                    for (AccessPolicy.Rule rule : policy.rules()) {
                        auth.requestMatchers(rule.method(), rule.pattern())
                                .access(OrganisationClaimRequired.and(rule.roles().toArray(Role[]::new)));
                    }
                    auth.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerAutoConfiguration::authentication))
                        .authenticationEntryPoint(ResourceServerAutoConfiguration::unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> forbidden(request, response)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ResourceServerAutoConfiguration::unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> forbidden(request, response)));
        return http.build();
    }

    /** Roles from the {@code roles} claim become {@code ROLE_*} authorities; unknown role names are ignored. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = rolesOf(jwt).stream()
                .filter(ResourceServerAutoConfiguration::isKnownRole)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static List<String> rolesOf(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? List.of() : roles;
    }

    private static boolean isKnownRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static CorsConfigurationSource cors(StbSecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(properties.corsOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }

    // The log line names the path and the outcome only: never the token, its subject or any personal field.
    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                        Exception exception) throws IOException {
        log.info("401 {} {}: {}", request.getMethod(), request.getRequestURI(), exception.getClass().getSimpleName());
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "A valid bearer token from the configured issuer is required.");
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.info("403 {} {}", request.getMethod(), request.getRequestURI());
        if (OrganisationClaimRequired.lacksClaim(SecurityContextHolder.getContext().getAuthentication())) {
            write(response, HttpStatus.FORBIDDEN, FORBIDDEN_WITHOUT_ORGANISATION, "Forbidden",
                    "The token carries an organisation role (ENTERPRISE or PLATFORM) but no valid credit_code "
                            + "claim: it may not call anything.");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, FORBIDDEN_BY_ROLE, "Forbidden",
                "The token's roles do not allow this request.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title,
                              String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://kjj.wenzhou.gov.cn/problems/" + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
