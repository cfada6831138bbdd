package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Schema(description = "How far the city is (全市新型研发机构建设进展): counts, coverage, recruitment, indicators, targets")
public record Dashboard(
        LocalDate asOf,
        @Schema(description = "Platforms by status") Map<String, Long> byStatus,
        @Schema(description = "Recognized platforms (including those under rectification) by level")
        Map<String, Long> byLevel,
        Coverage coverage,
        List<DistrictCount> byDistrict,
        Recruitment recruitment,
        @Schema(description = "City totals of every indicator, all years (累计)") IndicatorTotals indicators,
        List<YearTotals> indicatorsByYear,
        @Schema(description = "What funding-service and talent-pool-service recorded, all years")
        RecordedTotals recorded,
        Targets targets) {

    @Schema(description = "The 5+5 coverage matrix: which industries have a recognized platform, by level")
    public record Coverage(String industryTableVersion, int covered, int industries,
                           List<IndustryCoverage> matrix) {
    }

    public record IndustryCoverage(String code, String name, String group, boolean covered, long recognized,
                                   Map<String, Long> byLevel, long applicants) {
    }

    public record DistrictCount(String code, String name, long recognized, long all) {
    }

    @Schema(description = "New institutions recruited (first recognized) in the year, against the year's target")
    public record Recruitment(int year, long recruited, Integer target, Boolean met) {
    }

    public record YearTotals(int year, IndicatorTotals indicators, RecordedTotals recorded) {
    }

    @Schema(description = "Progress toward the targets of the letter, with the parameter version")
    public record Targets(String version, int deadlineYear, Progress municipalOrAbove, Progress provincialOrAbove,
                          Progress industryCoverage) {
    }

    public record Progress(long target, long actual, long remaining, boolean met) {

        static Progress of(long target, long actual) {
            return new Progress(target, actual, Math.max(0, target - actual), actual >= target);
        }
    }
}
