package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "A platform with all its evaluation years and the totals of what other services recorded")
public record PlatformDetail(PlatformView platform, List<PlatformYearView> years, IndicatorTotals reportedTotals,
                             RecordedTotals recordedTotals) {
}
