package cn.gov.wenzhou.kjj.registry.command;

/**
 * The ten indicators of an annual report (十个一批). Counts are whole numbers, money is fen; none is negative.
 */
public record Indicators(
        long jointRdCentres,
        long cooperationAgreements,
        long provincialProjects,
        long researchFundingFen,
        long inventionPatents,
        long fourTechIncomeFen,
        long researchers,
        long incubatedEnterprises,
        long resultsTransferred,
        long localEnterprisesServed) {

    public static final Indicators NONE = new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Indicators {
        long[] values = {jointRdCentres, cooperationAgreements, provincialProjects, researchFundingFen,
                inventionPatents, fourTechIncomeFen, researchers, incubatedEnterprises, resultsTransferred,
                localEnterprisesServed};
        for (long value : values) {
            if (value < 0) {
                throw new IllegalArgumentException("indicators are never negative");
            }
        }
    }
}
