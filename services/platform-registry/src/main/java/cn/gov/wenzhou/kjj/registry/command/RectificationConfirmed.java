package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** The rectification of a failed year was confirmed done. */
public record RectificationConfirmed(
        String platformId,
        String creditCode,
        int year,
        LocalDate confirmedOn) {
}
