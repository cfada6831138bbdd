package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records a year's evaluation result. The grade follows from the score under {@code thresholds} (the version that
 * applies to the year, null when none does); a {@code claimedGrade} that disagrees is refused.
 */
public record RecordEvaluation(
        @TargetAggregateIdentifier String platformId,
        int year,
        BigDecimal score,
        Grade claimedGrade,
        GradeThresholds thresholds,
        LocalDate evaluatedOn) {
}
