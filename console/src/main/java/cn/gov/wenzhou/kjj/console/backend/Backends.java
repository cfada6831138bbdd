package cn.gov.wenzhou.kjj.console.backend;

import cn.gov.wenzhou.kjj.console.ConsoleProperties;
import cn.gov.wenzhou.kjj.console.security.ConsoleSecurity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;

/** One {@link ServiceClient} per service, each sending the signed-in user's own access token. */
@Component
public class Backends {

    private final Map<Service, ServiceClient> clients = new EnumMap<>(Service.class);
    private final Map<Service, ServiceClient> health = new EnumMap<>(Service.class);

    public Backends(ConsoleProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
        OAuth2ClientHttpRequestInterceptor userToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        userToken.setClientRegistrationIdResolver(request -> ConsoleSecurity.REGISTRATION_ID);
        JdkClientHttpRequestFactory requests = requestFactory(properties);
        ConsoleProperties.Services services = properties.services();
        Map<Service, URI> urls = Map.of(Service.PLATFORM_REGISTRY, services.platformRegistry(),
                Service.FUNDING, services.fundingService(), Service.TALENT_POOL, services.talentPoolService());
        urls.forEach((service, url) -> clients.put(service, new ServiceClient(service, RestClient.builder()
                .baseUrl(url.toString())
                .requestFactory(requests)
                .requestInterceptor(userToken)
                .messageConverters(converters -> converters.replaceAll(converter ->
                        converter instanceof MappingJackson2HttpMessageConverter
                                ? new MappingJackson2HttpMessageConverter(ServiceClient.json()) : converter))
                .build())));
        // health is public: asked without a token, so the operations page works even for a stale session
        urls.forEach((service, url) -> health.put(service, new ServiceClient(service, RestClient.builder()
                .baseUrl(url.toString()).requestFactory(requests).build())));
    }

    /**
     * How the console calls anything of the deployment: the configured timeouts, no redirects followed (a redirect
     * to sign-in is an answer, not a page to fetch), HTTP/1.1.
     */
    public static JdkClientHttpRequestFactory requestFactory(ConsoleProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        return requests;
    }

    public ServiceClient registry() {
        return clients.get(Service.PLATFORM_REGISTRY);
    }

    public ServiceClient funding() {
        return clients.get(Service.FUNDING);
    }

    public ServiceClient talent() {
        return clients.get(Service.TALENT_POOL);
    }

    public ServiceClient of(Service service) {
        return clients.get(service);
    }

    /** The service's public health endpoint, called without the user's token. */
    public ServiceClient health(Service service) {
        return health.get(service);
    }
}
