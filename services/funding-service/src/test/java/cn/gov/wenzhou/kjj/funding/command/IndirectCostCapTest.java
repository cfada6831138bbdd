package cn.gov.wenzhou.kjj.funding.command;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndirectCostCapTest {

    private static final long YUAN = 100;

    @Test
    void capIsThirtyPercentOfABaseUpToFiveMillionYuan() {
        assertThat(IndirectCostCap.capFen(4_000_000 * YUAN, Rules.DEFAULT.indirectCapBands()))
                .isEqualTo(1_200_000 * YUAN);
    }

    @Test
    void capIsAppliedBandByBandAboveFiveMillionYuan() {
        // 5M x 30% + 3M x 25%
        assertThat(IndirectCostCap.capFen(8_000_000 * YUAN, Rules.DEFAULT.indirectCapBands()))
                .isEqualTo(2_250_000 * YUAN);
        // 5M x 30% + 5M x 25% + 2M x 20%
        assertThat(IndirectCostCap.capFen(12_000_000 * YUAN, Rules.DEFAULT.indirectCapBands()))
                .isEqualTo(3_150_000 * YUAN);
    }

    @Test
    void capRoundsDownToTheFen() {
        assertThat(IndirectCostCap.capFen(1, Rules.DEFAULT.indirectCapBands())).isZero();
        assertThat(IndirectCostCap.capFen(7, Rules.DEFAULT.indirectCapBands())).isEqualTo(2);
    }

    @Test
    void baseIsDirectCostsWithoutEquipment() {
        List<BudgetLine> budget = List.of(new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 500),
                new BudgetLine("OPERATING", CategoryKind.DIRECT, 300), new BudgetLine("LABOUR", CategoryKind.DIRECT, 100),
                new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 90));
        assertThat(IndirectCostCap.baseFen(budget)).isEqualTo(400);
        assertThat(IndirectCostCap.indirectFen(budget)).isEqualTo(90);
    }

    @Test
    void tranchePlanSplitsTheAwardFiftyThirtyTwentyAndTheLastTrancheTakesTheRoundingRest() {
        List<Tranche> plan = Rules.DEFAULT.planFor(10_001);
        assertThat(plan).extracting(Tranche::amountFen).containsExactly(5_000L, 3_000L, 2_001L);
        assertThat(plan).extracting(Tranche::milestone)
                .containsExactly(Milestone.CONTRACT, Milestone.MID_TERM, Milestone.ACCEPTANCE);
        assertThat(plan.stream().mapToLong(Tranche::amountFen).sum()).isEqualTo(10_001);
    }
}
