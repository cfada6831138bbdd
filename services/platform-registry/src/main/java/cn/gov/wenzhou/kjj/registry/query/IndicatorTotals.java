package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.sql.ResultSet;
import java.sql.SQLException;

@Schema(description = "The ten indicators (十个一批) as reported in annual reports, summed; money exact")
public record IndicatorTotals(
        @Schema(description = "Annual reports counted (latest revision of each platform and year)") long reports,
        @Schema(description = "共建研发中心") long jointRdCentres,
        @Schema(description = "合作高校院所") long cooperationAgreements,
        @Schema(description = "省级及以上科研项目") long provincialProjects,
        @Schema(description = "科研经费") Money researchFunding,
        @Schema(description = "发明专利授权") long inventionPatents,
        @Schema(description = "四技服务收入") Money fourTechIncome,
        @Schema(description = "集聚科研人员") long researchers,
        @Schema(description = "孵化科技型企业") long incubatedEnterprises,
        @Schema(description = "转化科研成果") long resultsTransferred,
        @Schema(description = "服务本土企业") long localEnterprisesServed) {

    static final IndicatorTotals ZERO = new IndicatorTotals(0, 0, 0, 0, Money.ofFen(0), 0, Money.ofFen(0), 0, 0, 0, 0);

    static IndicatorTotals read(ResultSet rs, long reports) throws SQLException {
        return new IndicatorTotals(reports, rs.getLong("joint_rd_centres"), rs.getLong("cooperation_agreements"),
                rs.getLong("provincial_projects"), Money.ofFen(rs.getLong("research_funding_fen")),
                rs.getLong("invention_patents"), Money.ofFen(rs.getLong("four_tech_income_fen")),
                rs.getLong("researchers"), rs.getLong("incubated_enterprises"), rs.getLong("results_transferred"),
                rs.getLong("local_enterprises_served"));
    }

    IndicatorTotals plus(IndicatorTotals o) {
        return new IndicatorTotals(reports + o.reports, jointRdCentres + o.jointRdCentres,
                cooperationAgreements + o.cooperationAgreements, provincialProjects + o.provincialProjects,
                Money.ofFen(researchFunding.fen() + o.researchFunding.fen()), inventionPatents + o.inventionPatents,
                Money.ofFen(fourTechIncome.fen() + o.fourTechIncome.fen()), researchers + o.researchers,
                incubatedEnterprises + o.incubatedEnterprises, resultsTransferred + o.resultsTransferred,
                localEnterprisesServed + o.localEnterprisesServed);
    }
}
