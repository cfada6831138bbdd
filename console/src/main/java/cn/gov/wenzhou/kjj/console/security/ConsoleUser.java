package cn.gov.wenzhou.kjj.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in person as the pages need them: a display name, roles and, for an organisation, its credit code.
 * Roles only shape the menu and the console's own routes; every service still checks the access token itself.
 */
public record ConsoleUser(String name, Set<String> roles, String creditCode) {

    public static final String ROLE_PREFIX = "ROLE_";

    public static ConsoleUser of(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        String creditCode = authentication.getPrincipal() instanceof OidcUser user
                ? user.getClaimAsString(ConsoleSecurity.CREDIT_CODE_CLAIM) : null;
        return new ConsoleUser(authentication.getName(), roles, creditCode);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
