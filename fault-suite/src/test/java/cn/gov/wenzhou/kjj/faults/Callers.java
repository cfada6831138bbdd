package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.testsupport.TestTokens;

import java.util.List;

/** Tokens for the suite's callers, minted for each request (the long form outlasts a token's 15 minutes). */
final class Callers {

    static final List<String> EVERY_ROLE = List.of("REGISTRY_ADMIN", "FUNDING_OFFICER", "FINANCE_AUDITOR",
            "TALENT_INSTITUTE", "ENTERPRISE", "PLATFORM", "SUBSCRIBER", "OPERATOR");

    private Callers() {
    }

    static String role(String role) {
        return TestTokens.get().mint("fault-suite-" + role.toLowerCase(java.util.Locale.ROOT), List.of(role), null);
    }

    /** A named person in {@code role} (a second funding officer who approves payments). */
    static String person(String subject, String role) {
        return TestTokens.get().mint(subject, List.of(role), null);
    }

    static String organisation(String role, String creditCode) {
        return TestTokens.get().mint("fault-suite-org-" + creditCode, List.of(role), creditCode);
    }

    /** A caller the services let through to every operation's checks, so that the body itself is what is judged. */
    static String everyRole(String creditCode) {
        return TestTokens.get().mint("fault-suite-hostile", EVERY_ROLE, creditCode);
    }

    static String token(HostileRequests.Token kind, String creditCode) {
        TestTokens tokens = TestTokens.get();
        return switch (kind) {
            case VALID -> everyRole(creditCode);
            case NONE -> null;
            case EXPIRED -> tokens.expired("fault-suite-hostile", EVERY_ROLE);
            case TAMPERED -> tokens.tampered("fault-suite-hostile", EVERY_ROLE);
            case WRONG_ISSUER -> tokens.fromWrongIssuer("fault-suite-hostile", EVERY_ROLE);
            case FOREIGN_SIGNATURE -> tokens.withForeignSignature("fault-suite-hostile", EVERY_ROLE);
            case WRONG_AUDIENCE -> tokens.forWrongAudience("fault-suite-hostile", EVERY_ROLE);
            case GARBAGE -> "not-a-jwt";
        };
    }
}
