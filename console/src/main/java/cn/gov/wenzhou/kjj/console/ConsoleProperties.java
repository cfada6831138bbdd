package cn.gov.wenzhou.kjj.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the console signs users in and where the services are ({@code stb.console}).
 *
 * @param issuerUri    the OIDC issuer; its discovery document is read when the first user signs in
 * @param clientId     the console's client at the issuer (a confidential client, authorization code + PKCE)
 * @param clientSecret from the environment; never a default outside the dev stack
 * @param services     base URLs of the three services
 * @param openData     where the public open data is, for the console's public "open data" page
 * @param connectTimeout how long to wait for a service to accept a connection before calling it down
 * @param readTimeout  how long to wait for a service's answer
 * @param backendCallThreads how many calls to the services the console makes at once for the pages being built
 *                  (a page's independent calls run side by side: its time is its slowest call, not their sum); more
 *                  wait their turn
 */
@ConfigurationProperties("stb.console")
public record ConsoleProperties(URI issuerUri,
                                @DefaultValue("console") String clientId,
                                String clientSecret,
                                Services services,
                                OpenData openData,
                                @DefaultValue("2s") Duration connectTimeout,
                                @DefaultValue("30s") Duration readTimeout,
                                @DefaultValue("16") int backendCallThreads) {

    public ConsoleProperties {
        if (issuerUri == null) {
            throw new IllegalStateException("stb.console.issuer-uri (OIDC_ISSUER_URI) must be set");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("stb.console.client-secret (OIDC_CLIENT_SECRET) must be set");
        }
        if (services == null || services.platformRegistry() == null || services.fundingService() == null
                || services.talentPoolService() == null) {
            throw new IllegalStateException("stb.console.services needs the URL of each of the three services");
        }
        if (backendCallThreads < 1 || backendCallThreads > 256) {
            throw new IllegalStateException("stb.console.backend-call-threads must be 1-256, not " + backendCallThreads);
        }
        if (openData == null || openData.url() == null) {
            throw new IllegalStateException("stb.console.open-data.url (OPEN_DATA_URL) must be set");
        }
    }

    public record Services(URI platformRegistry, URI fundingService, URI talentPoolService) {
    }

    /**
     * @param url       where the console reads the open data's OpenAPI document (inside the deployment)
     * @param publicUrl where the public reaches the open data (the links on the page); the same as {@code url} when
     *                  not set, as on the dev stack
     * @param documentKeptFor how long the page reuses the OpenAPI document it read: as long as the open data allows
     *                  its answers to be cached
     */
    public record OpenData(URI url, URI publicUrl, @DefaultValue("60s") Duration documentKeptFor) {

        public URI linkBase() {
            return publicUrl == null ? url : publicUrl;
        }
    }
}
