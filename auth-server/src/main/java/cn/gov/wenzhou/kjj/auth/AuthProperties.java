package cn.gov.wenzhou.kjj.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The issuer's demo identities. Everything here is for a laptop: real deployments use the bureau's OIDC issuer.
 *
 * @param issuer          the {@code iss} of every token, and where the services discover the keys
 * @param audience        the {@code aud} every service requires
 * @param tokenTtl        how long an access token lives
 * @param clients         machine clients (client-credentials grant), one per role
 * @param users           people (authorization-code grant with PKCE, e.g. from Swagger UI)
 * @param browserOrigins  the Swagger UIs allowed to call the token endpoint from a browser
 * @param console         the web console's client (authorization code + PKCE, confidential)
 */
@ConfigurationProperties("stb.auth")
public record AuthProperties(String issuer,
                             @DefaultValue("wenzhou-stb") String audience,
                             @DefaultValue("30m") Duration tokenTtl,
                             List<DemoClient> clients,
                             List<DemoUser> users,
                             List<String> browserOrigins,
                             ConsoleClient console) {

    /**
     * The console's client: its secret, and the base URLs it is served from (each gets the sign-in callback and the
     * signed-out page as redirect URIs; a loopback IP base URL matches any port, as RFC 8252 asks).
     */
    public record ConsoleClient(String clientId, String secret, List<String> baseUrls) {
    }

    /** A machine client acting in one or more roles; {@code creditCode} scopes ENTERPRISE and PLATFORM clients. */
    public record DemoClient(String clientId, String secret, List<String> roles, String creditCode) {
    }

    /** A person who signs in; {@code creditCode} scopes ENTERPRISE and PLATFORM users. */
    public record DemoUser(String username, String password, List<String> roles, String creditCode) {
    }
}
