package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** Municipal recognition revoked; re-application is barred until {@code reapplicationOpensOn}. */
public record RecognitionRevoked(
        String platformId,
        String creditCode,
        RevocationReason reason,
        int basisYear,
        LocalDate revokedOn,
        LocalDate reapplicationOpensOn) {
}
