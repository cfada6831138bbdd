package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.Grade;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

public record EvaluationRequest(
        @Schema(example = "2024", description = "Evaluation year: not in the future, not before the recognition")
        @NotNull @Min(Requests.MIN_YEAR) @Max(Requests.MAX_YEAR) Integer year,
        @Schema(example = "86.5", description = "The panel's score, 0-100, at most two decimals")
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal score,
        @Schema(example = "GOOD", description = "Optional. The grade follows from the score under the thresholds that "
                + "apply to the year; a grade given here must agree with it")
        Grade grade) {
}
