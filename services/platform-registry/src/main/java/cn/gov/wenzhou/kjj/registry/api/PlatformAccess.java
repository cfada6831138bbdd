package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.CreditCodeClaims;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * Finds a platform for a request and keeps a PLATFORM caller to its own record. Reads the write side's credit-code
 * claims, not a view: a platform registered a moment ago is already known here.
 */
@Component
class PlatformAccess {

    private final CreditCodeClaims claims;

    PlatformAccess(CreditCodeClaims claims) {
        this.claims = claims;
    }

    /** {@code 404} for an unknown platform, {@code 403} for another organisation's; returns its credit code. */
    String require(String platformId) {
        String creditCode = claims.creditCodeOf(platformId)
                .orElseThrow(() -> new NotFoundException("platform", platformId));
        CurrentActor.requireScopeFor(creditCode);
        return creditCode;
    }
}
