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

    /** Exact: a total that would leave a {@code long} fails instead of wrapping round to a negative figure. */
    IndicatorTotals plus(IndicatorTotals o) {
        return new IndicatorTotals(add(reports, o.reports), add(jointRdCentres, o.jointRdCentres),
                add(cooperationAgreements, o.cooperationAgreements), add(provincialProjects, o.provincialProjects),
                Money.ofFen(add(researchFunding.fen(), o.researchFunding.fen())),
                add(inventionPatents, o.inventionPatents),
                Money.ofFen(add(fourTechIncome.fen(), o.fourTechIncome.fen())), add(researchers, o.researchers),
                add(incubatedEnterprises, o.incubatedEnterprises), add(resultsTransferred, o.resultsTransferred),
                add(localEnterprisesServed, o.localEnterprisesServed));
    }

    private static long add(long a, long b) {
        return Math.addExact(a, b);
    }
}
