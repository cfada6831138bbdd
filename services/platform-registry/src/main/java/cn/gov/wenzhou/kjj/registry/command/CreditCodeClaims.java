package cn.gov.wenzhou.kjj.registry.command;

import java.util.Optional;

/**
 * Which platform holds which Unified Social Credit Code. Uniqueness across platforms is a rule over the whole set,
 * which no single aggregate can check: the claim is written in the registering command's own transaction under a
 * unique key, so of two concurrent registrations of one code exactly one commits. Claims are never released: a
 * revoked platform re-applies under its own record, it cannot escape the bar by registering again.
 */
public interface CreditCodeClaims {

    /** Claims {@code creditCode} for {@code platformId}, or refuses with {@code 409 platform.credit-code-unique}. */
    void claim(String creditCode, String platformId);

    Optional<String> creditCodeOf(String platformId);
}
