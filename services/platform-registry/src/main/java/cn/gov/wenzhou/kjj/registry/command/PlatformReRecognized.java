package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** A platform that had been revoked was recognized again after re-applying. */
public record PlatformReRecognized(
        String platformId,
        String creditCode,
        Level level,
        String documentNumber,
        LocalDate recognizedOn) {
}
