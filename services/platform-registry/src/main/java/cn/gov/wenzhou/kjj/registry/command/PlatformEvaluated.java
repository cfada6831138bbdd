package cn.gov.wenzhou.kjj.registry.command;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A year's evaluation result, with the parameter version whose thresholds gave the grade. */
public record PlatformEvaluated(
        String platformId,
        String creditCode,
        int year,
        Grade grade,
        BigDecimal score,
        String parameterVersion,
        LocalDate evaluatedOn) {
}
