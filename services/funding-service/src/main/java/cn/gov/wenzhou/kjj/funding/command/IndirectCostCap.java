package cn.gov.wenzhou.kjj.funding.command;

import java.util.List;

/**
 * The cap on indirect costs (间接费用): a share of direct costs minus equipment, applied band by band like the national
 * rule (超额累进): with the default bands, the first 5 million yuan of the base at 30%, the part from 5 to 10 million at
 * 25%, the part above 10 million at 20%. Each band's amount is rounded down to the fen: a cap never rounds up.
 */
public final class IndirectCostCap {

    private IndirectCostCap() {
    }

    public static long capFen(long baseFen, List<FundingParameters.CapBand> bands) {
        if (baseFen <= 0) {
            return 0;
        }
        long cap = 0;
        long lower = 0;
        for (FundingParameters.CapBand band : bands) {
            long upper = band.upToFen() == null ? Long.MAX_VALUE : band.upToFen();
            if (baseFen > lower) {
                long inBand = Math.min(baseFen, upper) - lower;
                cap = Math.addExact(cap, Math.multiplyExact(inBand, (long) band.rateBps()) / 10_000);
            }
            lower = upper;
            if (baseFen <= upper) {
                break;
            }
        }
        return cap;
    }

    /** The base of the cap: every direct cost except equipment. */
    public static long baseFen(List<BudgetLine> budget) {
        return budget.stream().filter(line -> line.kind() == CategoryKind.DIRECT).mapToLong(BudgetLine::amountFen)
                .reduce(0, Math::addExact);
    }

    public static long indirectFen(List<BudgetLine> budget) {
        return budget.stream().filter(line -> line.kind() == CategoryKind.INDIRECT).mapToLong(BudgetLine::amountFen)
                .reduce(0, Math::addExact);
    }
}
