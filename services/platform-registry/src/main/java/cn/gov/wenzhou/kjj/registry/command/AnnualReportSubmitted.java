package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** The annual report of a year; {@code revision} counts submissions for that year (a later one replaces the earlier). */
public record AnnualReportSubmitted(
        String platformId,
        String creditCode,
        int year,
        Indicators indicators,
        int revision,
        LocalDate submittedOn) {
}
