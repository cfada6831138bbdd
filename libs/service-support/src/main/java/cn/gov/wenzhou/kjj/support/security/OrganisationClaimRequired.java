package cn.gov.wenzhou.kjj.support.security;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * An access-policy rule's roles, and before them the condition every rule shares: a token with an organisation role
 * ({@link Role#ENTERPRISE}, {@link Role#PLATFORM}) must name its organisation in a valid {@code credit_code} claim.
 * Without it the token is refused everywhere, even for the other roles it carries: the controllers scope an
 * organisation caller by that claim, and an unscoped organisation caller would see every organisation's records.
 */
final class OrganisationClaimRequired implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final AuthorityAuthorizationManager<RequestAuthorizationContext> roles;

    private OrganisationClaimRequired(AuthorityAuthorizationManager<RequestAuthorizationContext> roles) {
        this.roles = roles;
    }

    static OrganisationClaimRequired and(Role... roles) {
        return new OrganisationClaimRequired(AuthorityAuthorizationManager.hasAnyRole(
                Arrays.stream(roles).map(Role::name).toArray(String[]::new)));
    }

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return lacksClaim(authentication.get()) ? DENIED : roles.authorize(authentication, context);
    }

    @Override
    @SuppressWarnings("deprecation") // the interface's abstract method; authorize is the one Spring Security calls
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        AuthorizationResult result = authorize(authentication, context);
        return result instanceof AuthorizationDecision decision ? decision : new AuthorizationDecision(result.isGranted());
    }

    /** A verified token with an organisation role and no valid {@code credit_code}. */
    static boolean lacksClaim(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return false;
        }
        boolean organisationRole = authentication.getAuthorities().stream().anyMatch(authority ->
                Role.ENTERPRISE.authority().equals(authority.getAuthority())
                        || Role.PLATFORM.authority().equals(authority.getAuthority()));
        return organisationRole && CurrentActor.organisationClaim(jwt) == null;
    }
}
