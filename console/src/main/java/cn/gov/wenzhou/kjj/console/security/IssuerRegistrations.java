package cn.gov.wenzhou.kjj.console.security;

import cn.gov.wenzhou.kjj.console.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's one client registration, read from the issuer's discovery document the first time it is needed and
 * kept: the console starts, and its pages that need no sign-in answer, while the issuer is still starting or down.
 * Returns null (the sign-in page then says the issuer is unavailable) until discovery succeeds.
 */
public final class IssuerRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(IssuerRegistrations.class);

    private final ConsoleProperties properties;
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

    public IssuerRegistrations(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ConsoleSecurity.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration registration = discovered.get();
        if (registration != null) {
            return registration;
        }
        try {
            registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
                    .registrationId(ConsoleSecurity.REGISTRATION_ID)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid")
                    .clientName("Wenzhou STB")
                    .build();
            discovered.compareAndSet(null, registration);
            return discovered.get();
        } catch (RuntimeException e) {
            log.warn("the OIDC issuer {} does not answer its discovery document: {}", properties.issuerUri(),
                    e.getMessage());
            return null;
        }
    }

    /** Whether the issuer can be reached (discovering it now if it was not yet). */
    public boolean issuerAvailable() {
        return findByRegistrationId(ConsoleSecurity.REGISTRATION_ID) != null;
    }
}
