package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.Indicators;
import io.swagger.v3.oas.annotations.media.Schema;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

@Schema(description = "The ten indicators (十个一批) of the year: whole numbers, money in fen (1 yuan = 100 fen); counts "
        + "at most 1,000,000, money at most 1,000,000,000,000 fen (10 billion yuan)")
public record IndicatorsRequest(
        @Schema(description = "共建研发中心 with leading enterprises", example = "3")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long jointRdCentres,
        @Schema(description = "合作高校院所", example = "4")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long cooperationAgreements,
        @Schema(description = "省级及以上科研项目", example = "5")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long provincialProjects,
        @Schema(description = "科研经费, fen", example = "150000000")
        @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long researchFundingFen,
        @Schema(description = "发明专利授权", example = "6")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long inventionPatents,
        @Schema(description = "四技服务收入, fen", example = "390000000")
        @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long fourTechIncomeFen,
        @Schema(description = "集聚科研人员", example = "18")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long researchers,
        @Schema(description = "孵化科技型企业", example = "7")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long incubatedEnterprises,
        @Schema(description = "转化科研成果", example = "9")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long resultsTransferred,
        @Schema(description = "服务本土企业", example = "40")
        @NotNull @PositiveOrZero @Max(Indicators.MAX_COUNT) Long localEnterprisesServed) {

    Indicators toIndicators() {
        return new Indicators(jointRdCentres, cooperationAgreements, provincialProjects, researchFundingFen,
                inventionPatents, fourTechIncomeFen, researchers, incubatedEnterprises, resultsTransferred,
                localEnterprisesServed);
    }
}
