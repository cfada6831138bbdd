package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.Indicators;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

@Schema(description = "The ten indicators (十个一批) of the year: whole numbers, money in fen (1 yuan = 100 fen)")
public record IndicatorsRequest(
        @Schema(description = "共建研发中心 with leading enterprises", example = "3") @NotNull @PositiveOrZero Long jointRdCentres,
        @Schema(description = "合作高校院所", example = "4") @NotNull @PositiveOrZero Long cooperationAgreements,
        @Schema(description = "省级及以上科研项目", example = "5") @NotNull @PositiveOrZero Long provincialProjects,
        @Schema(description = "科研经费, fen", example = "150000000") @NotNull @PositiveOrZero Long researchFundingFen,
        @Schema(description = "发明专利授权", example = "6") @NotNull @PositiveOrZero Long inventionPatents,
        @Schema(description = "四技服务收入, fen", example = "390000000") @NotNull @PositiveOrZero Long fourTechIncomeFen,
        @Schema(description = "集聚科研人员", example = "18") @NotNull @PositiveOrZero Long researchers,
        @Schema(description = "孵化科技型企业", example = "7") @NotNull @PositiveOrZero Long incubatedEnterprises,
        @Schema(description = "转化科研成果", example = "9") @NotNull @PositiveOrZero Long resultsTransferred,
        @Schema(description = "服务本土企业", example = "40") @NotNull @PositiveOrZero Long localEnterprisesServed) {

    Indicators toIndicators() {
        return new Indicators(jointRdCentres, cooperationAgreements, provincialProjects, researchFundingFen,
                inventionPatents, fourTechIncomeFen, researchers, incubatedEnterprises, resultsTransferred,
                localEnterprisesServed);
    }
}
