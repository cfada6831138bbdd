package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who is calling, as far as this service's data is concerned: the institute sees people's data in clear; an employer
 * (ENTERPRISE or PLATFORM token) only its own hires, masked.
 */
@Component
public class TalentCaller {

    /** {@code 403} unless the caller may act for the organisation (the institute may act for every one). */
    public void requireScopeFor(String creditCode) {
        CurrentActor.requireScopeFor(creditCode);
    }

    /** Personal data in clear: the institute's role only. */
    public boolean seesPersonalData() {
        return CurrentActor.get().map(actor -> actor.has(Role.TALENT_INSTITUTE)).orElse(false);
    }
}
