package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** The platform moved to a higher level. */
public record PlatformUpgraded(
        String platformId,
        String creditCode,
        Level fromLevel,
        Level toLevel,
        String documentNumber,
        LocalDate upgradedOn) {
}
