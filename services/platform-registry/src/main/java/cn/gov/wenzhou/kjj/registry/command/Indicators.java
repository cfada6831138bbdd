package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.domain.Bounds;

/**
 * The ten indicators of an annual report (十个一批). Counts are whole numbers, money is fen; none is negative.
 * Each has a domain bound ({@link #MAX_COUNT}, {@link Bounds#MAX_FEN}) checked by the API, the aggregate and the
 * indicators projection; the record itself accepts any non-negative value, so that history stored before the bounds
 * still loads.
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

    /** A count of one platform in one year: a million, far above any platform's (the whole city: 1,277 researchers). */
    public static final long MAX_COUNT = 1_000_000L;

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

    /** {@code 400} naming the first indicator above its bound ({@code indicators.<name>}). */
    public Indicators requireWithinBounds() {
        count(jointRdCentres, "jointRdCentres");
        count(cooperationAgreements, "cooperationAgreements");
        count(provincialProjects, "provincialProjects");
        Bounds.fen(researchFundingFen, "indicators.researchFundingFen");
        count(inventionPatents, "inventionPatents");
        Bounds.fen(fourTechIncomeFen, "indicators.fourTechIncomeFen");
        count(researchers, "researchers");
        count(incubatedEnterprises, "incubatedEnterprises");
        count(resultsTransferred, "resultsTransferred");
        count(localEnterprisesServed, "localEnterprisesServed");
        return this;
    }

    private static void count(long value, String name) {
        Bounds.within(value, 0, MAX_COUNT, "indicators." + name);
    }
}
