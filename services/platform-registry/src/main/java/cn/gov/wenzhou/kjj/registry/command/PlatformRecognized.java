package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** The bureau recognized the platform (认定) at a level. */
public record PlatformRecognized(
        String platformId,
        String creditCode,
        Level level,
        String documentNumber,
        LocalDate recognizedOn) {
}
