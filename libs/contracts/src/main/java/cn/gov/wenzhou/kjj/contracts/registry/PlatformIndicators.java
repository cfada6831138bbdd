package cn.gov.wenzhou.kjj.contracts.registry;

/**
 * The ten indicators of a platform's annual report (十个一批). Counts are whole numbers; money is fen.
 */
public record PlatformIndicators(
        /** Joint R&D centres newly built with leading enterprises (共建研发中心). */
        long jointRdCentres,
        /** Cooperation agreements with universities and institutes (合作高校院所). */
        long cooperationAgreements,
        /** Provincial-or-higher research projects won (省级及以上科研项目). */
        long provincialProjects,
        /** Research funding obtained, in fen (科研经费). */
        long researchFundingFen,
        /** Invention patents granted (发明专利授权). */
        long inventionPatents,
        /** Four-technology income, in fen (四技服务收入). */
        long fourTechIncomeFen,
        /** Researchers gathered (集聚科研人员). */
        long researchers,
        /** Technology enterprises incubated (孵化科技型企业). */
        long incubatedEnterprises,
        /** Research results transferred (转化科研成果). */
        long resultsTransferred,
        /** Local enterprises served (服务本土企业). */
        long localEnterprisesServed) {
}
