package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** A rectification notice (整改通知) for a failed year, supervised by the district's authority. */
public record RectificationIssued(
        String platformId,
        String creditCode,
        int year,
        String supervisingAuthority,
        LocalDate issuedOn) {
}
