package cn.gov.wenzhou.kjj.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.access.AccessDeniedException;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The actor of the current request, from its verified token. */
public final class CurrentActor {

    public static final String CREDIT_CODE_CLAIM = "credit_code";

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return Optional.of(new Actor(jwt.getSubject(), roles, jwt.getClaimAsString(CREDIT_CODE_CLAIM)));
    }

    public static Actor require() {
        return get().orElseThrow(() -> new AccessDeniedException("no authenticated actor"));
    }

    /**
     * For roles scoped to one organisation ({@link Role#ENTERPRISE}, {@link Role#PLATFORM}): refuses access to
     * another organisation's data with a {@code 403}. Other roles pass.
     */
    public static void requireScopeFor(String creditCode) {
        Actor actor = require();
        boolean scoped = actor.roles().stream().allMatch(r -> r == Role.ENTERPRISE || r == Role.PLATFORM);
        if (scoped && (actor.creditCode() == null || !actor.creditCode().equals(creditCode))) {
            throw new AccessDeniedException("outside the caller's own organisation");
        }
    }
}
