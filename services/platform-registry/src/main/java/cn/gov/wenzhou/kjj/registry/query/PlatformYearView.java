package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "One evaluation year of a platform: report, result, rectification, and recorded facts")
public record PlatformYearView(
        int year,
        @Schema(description = "Null when no report was submitted for the year") Report report,
        @Schema(description = "Null until the year's result or non-attendance is recorded") Evaluation evaluation,
        @Schema(description = "Null unless the year was failed") Rectification rectification,
        @Schema(description = "Facts of the year recorded from funding-service and talent-pool-service")
        RecordedTotals recorded) {

    public record Report(int revision, LocalDate submittedOn, IndicatorTotals indicators) {
    }

    public record Evaluation(
            @Schema(allowableValues = {"EXCELLENT", "GOOD", "PASS", "FAIL", "NOT_ATTENDED"}) String grade,
            BigDecimal score, String parameterVersion, LocalDate recordedOn, Boolean justified,
            String nonAttendanceReason) {
    }

    public record Rectification(LocalDate issuedOn, String supervisingAuthority, LocalDate confirmedOn) {
    }
}
