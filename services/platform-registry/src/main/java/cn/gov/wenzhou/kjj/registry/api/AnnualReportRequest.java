package cn.gov.wenzhou.kjj.registry.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record AnnualReportRequest(
        @Schema(example = "2024", description = "Evaluation year: not in the future, not before the recognition")
        @NotNull @Min(Requests.MIN_YEAR) @Max(Requests.MAX_YEAR) Integer year,
        @NotNull @Valid IndicatorsRequest indicators) {
}
