package cn.gov.wenzhou.kjj.console;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The one stub backend of the test JVM, wired into the console's configuration, and signed-in users for MockMvc
 * (an OIDC login whose ID token carries the roles, and an access token the console sends on).
 */
public abstract class ConsoleTestSupport extends StubbedServices {

    /** The talent service is down for these pages: the rest of the console keeps working. */
    @DynamicPropertySource
    static void talentDown(DynamicPropertyRegistry properties) {
        properties.add("stb.console.services.talent-pool-service", () -> DOWN);
    }
}

/**
 * The issuer, the registry and funding-service answered by the one stub backend; which talent service the pages
 * reach is each test class's choice (down, or the stub too).
 */
abstract class StubbedServices {

    static final StubBackend BACKEND = new StubBackend();
    /** A port nothing listens on: a service that is down. */
    static final String DOWN = "http://127.0.0.1:9";
    /** Where the public reaches the open data: not where the console reads it. */
    static final String OPEN_DATA_PUBLIC_URL = "https://data.kjj.example";

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry properties) {
        properties.add("stb.console.issuer-uri", BACKEND::url);
        properties.add("stb.console.services.platform-registry", BACKEND::url);
        properties.add("stb.console.services.funding-service", BACKEND::url);
        properties.add("stb.console.open-data.url", BACKEND::url);
        properties.add("stb.console.open-data.public-url", () -> OPEN_DATA_PUBLIC_URL);
        properties.add("stb.console.open-data.document-kept-for", () -> "0s");
    }

    static OidcLoginRequestPostProcessor as(String... roles) {
        return asOrganisation(null, roles);
    }

    /** An organisation's user: the ID token carries its credit code as the issuer puts it there. */
    static OidcLoginRequestPostProcessor asOrganisation(String creditCode, String... roles) {
        List<String> roleList = Arrays.asList(roles);
        OidcIdToken.Builder idTokenBuilder = OidcIdToken.withTokenValue("id-token");
        if (creditCode != null) {
            idTokenBuilder.claim("credit_code", creditCode);
        }
        OidcIdToken idToken = idTokenBuilder
                .subject("test." + String.join("-", roleList).toLowerCase())
                .issuer(BACKEND.url())
                .issuedAt(Instant.now().minusSeconds(60))
                .expiresAt(Instant.now().plusSeconds(3600))
                .claim("roles", roleList)
                .build();
        return SecurityMockMvcRequestPostProcessors.oidcLogin()
                .idToken(token -> token.claims(claims -> claims.putAll(idToken.getClaims())))
                .authorities(roleList.stream().map(role -> (org.springframework.security.core.GrantedAuthority)
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role))
                        .toList())
                .clientRegistration(ClientRegistration.withRegistrationId("stb")
                        .clientId("console")
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .authorizationUri(BACKEND.url() + "/oauth2/authorize")
                        .tokenUri(BACKEND.url() + "/oauth2/token")
                        .build());
    }
}
