package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/**
 * A rectification notice (整改通知) for a failed year, supervised by the district's authority, to be done by
 * {@code deadline} under obligation parameters {@code parameterVersion} (both absent on notices issued before the
 * deadlines existed: their deadline follows from the version in force on the issue date).
 */
public record RectificationIssued(
        String platformId,
        String creditCode,
        int year,
        String supervisingAuthority,
        LocalDate issuedOn,
        LocalDate deadline,
        String parameterVersion) {
}
