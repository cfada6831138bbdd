package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** The platform did not take part in a year's evaluation; {@code reason} is given when justified. */
public record EvaluationNotAttended(
        String platformId,
        String creditCode,
        int year,
        boolean justified,
        String reason,
        LocalDate recordedOn) {
}
