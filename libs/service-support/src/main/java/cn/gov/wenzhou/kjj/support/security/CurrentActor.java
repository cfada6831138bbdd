package cn.gov.wenzhou.kjj.support.security;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The actor of the current request, from its verified token, and the one rule of organisation scoping: a caller with
 * an organisation role ({@link Role#ENTERPRISE}, {@link Role#PLATFORM}) acts for the organisation its token's
 * {@code credit_code} claim names and no other, whatever other roles the token also carries. A token with an
 * organisation role but no valid claim is refused by the filter chain before any controller runs
 * ({@link ResourceServerAutoConfiguration}); the checks here refuse it again, so a controller can never fall back
 * to "unscoped".
 */
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
        return Optional.of(new Actor(jwt.getSubject(), roles, organisationClaim(jwt)));
    }

    public static Actor require() {
        return get().orElseThrow(() -> new AccessDeniedException("no authenticated actor"));
    }

    /**
     * The credit code the caller is confined to: present for an organisation role (with or without other roles),
     * empty for bureau staff, auditors, operators. {@code 403} for an organisation role without a valid claim.
     */
    public static Optional<String> organisationScope() {
        Actor actor = require();
        if (!actor.isOrganisation()) {
            return Optional.empty();
        }
        if (actor.creditCode() == null) {
            throw new AccessDeniedException("an organisation role without its credit_code claim");
        }
        return Optional.of(actor.creditCode());
    }

    /** Refuses, with a {@code 403}, an organisation caller acting on another organisation's data. Others pass. */
    public static void requireScopeFor(String creditCode) {
        organisationScope().ifPresent(own -> {
            if (!own.equals(creditCode)) {
                throw new AccessDeniedException("outside the caller's own organisation");
            }
        });
    }

    /**
     * The organisation a request is about: an organisation caller's own (naming another is a {@code 403}), or the
     * one named for anyone else ({@code null} when none is named).
     */
    public static String scopedOrganisation(String named) {
        Optional<String> own = organisationScope();
        if (own.isPresent()) {
            if (named != null && !own.get().equals(named)) {
                throw new AccessDeniedException("outside the caller's own organisation");
            }
            return own.get();
        }
        return named;
    }

    /** The claim when it is a valid credit code; a blank or malformed claim scopes nothing and counts as missing. */
    static String organisationClaim(Jwt jwt) {
        String claim = jwt.getClaimAsString(CREDIT_CODE_CLAIM);
        return claim != null && UnifiedSocialCreditCode.isValid(claim) ? claim : null;
    }
}
