package cn.gov.wenzhou.kjj.console.security;

import cn.gov.wenzhou.kjj.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in with OIDC (authorization code + PKCE, even though the console is a confidential client), sign-out at the
 * issuer too, CSRF on every form and htmx request, a Content-Security-Policy without inline scripts or styles, and the
 * console's routes by role. The roles only shape what the console offers: each service decides again on the token.
 */
@Configuration
@EnableWebSecurity
public class ConsoleSecurity {

    public static final String REGISTRATION_ID = "stb";
    public static final String ROLES_CLAIM = "roles";
    public static final String CREDIT_CODE_CLAIM = "credit_code";
    public static final String SIGN_IN_PAGE = "/sign-in";

    private static final String[] READS_PLATFORMS = {"REGISTRY_ADMIN", "FUNDING_OFFICER", "FINANCE_AUDITOR"};
    private static final String[] SEES_DASHBOARD = {"REGISTRY_ADMIN", "FUNDING_OFFICER", "FINANCE_AUDITOR",
            "TALENT_INSTITUTE", "PLATFORM"};

    @Bean
    IssuerRegistrations clientRegistrations(ConsoleProperties properties) {
        return new IssuerRegistrations(properties);
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations,
                                ConsoleProperties properties) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signOutAtIssuer =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOutAtIssuer.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        signOutAtIssuer.setDefaultTargetUrl("/signed-out");

        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", SIGN_IN_PAGE,
                                "/signed-out", "/actuator/health", "/actuator/health/**", "/open-data", "/events",
                                "/events/**").permitAll()
                        .requestMatchers("/dashboard/**").hasAnyRole(SEES_DASHBOARD)
                        .requestMatchers("/registry/credit-code-check", "/registry/platforms/new",
                                "/registry/platforms/*/commands/**", "/registry/obligations").hasRole("REGISTRY_ADMIN")
                        .requestMatchers("/inbox/notice-address").hasRole("ENTERPRISE")
                        .requestMatchers("/inbox").hasAnyRole("REGISTRY_ADMIN", "PLATFORM", "ENTERPRISE",
                                "FUNDING_OFFICER")
                        .requestMatchers("/registry/**").hasAnyRole(READS_PLATFORMS)
                        .requestMatchers("/my-platform/**").hasRole("PLATFORM")
                        .requestMatchers("/finance/**").hasAnyRole("FINANCE_AUDITOR", "FUNDING_OFFICER")
                        .requestMatchers("/operations/**").hasRole("OPERATOR")
                        .requestMatchers("/funding/**").hasRole("FUNDING_OFFICER")
                        .requestMatchers("/enterprise/**").hasRole("ENTERPRISE")
                        .requestMatchers("/talent/**").hasRole("TALENT_INSTITUTE")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(SIGN_IN_PAGE)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(user -> user.oidcUserService(rolesFromIdToken()))
                        .failureUrl(SIGN_IN_PAGE + "?failed"))
                .logout(logout -> logout.logoutSuccessHandler(signOutAtIssuer))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            if (request.getHeader("HX-Request") != null) {
                                // an htmx fragment after the session ended: send the whole page to sign-in
                                response.setHeader("HX-Redirect", SIGN_IN_PAGE);
                                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                            } else {
                                new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE).commence(request, response, e);
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            request.getRequestDispatcher("/not-allowed").forward(request, response);
                        }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    /**
     * Scripts, styles, images and fonts from the console only; forms may post to the console and, for sign-out,
     * be redirected to the issuer (browsers apply form-action to a form's redirects).
     */
    static String contentSecurityPolicy(ConsoleProperties properties) {
        URI issuer = properties.issuerUri();
        String issuerOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + issuerOrigin;
    }

    /** The user's roles come from the ID token's {@code roles} claim (the issuer puts them there). */
    private static OAuth2UserService<OidcUserRequest, OidcUser> rolesFromIdToken() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            List<String> roles = user.getIdToken().getClaimAsStringList(ROLES_CLAIM);
            if (roles != null) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(ConsoleUser.ROLE_PREFIX + role)));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        };
    }

    /** The user's tokens live in their HTTP session only, and end with it. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** The access token of the signed-in user, refreshed with its refresh token when it expires. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build();
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }
}
