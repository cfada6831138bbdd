package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.Indicators;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** City totals are exact: within the bounds they always fit, and outside them they fail instead of wrapping. */
class IndicatorTotalsTest {

    private static IndicatorTotals of(long count, long fen) {
        return new IndicatorTotals(1, count, count, count, Money.ofFen(fen), count, Money.ofFen(fen), count, count,
                count, count);
    }

    @Test
    void aCenturyOfTenThousandPlatformsAtEveryBoundStillFitsALong() {
        IndicatorTotals year = of(Indicators.MAX_COUNT * 10_000, Bounds.MAX_FEN * 10_000);
        IndicatorTotals century = IndicatorTotals.ZERO;
        for (int i = 0; i < 100; i++) {
            century = century.plus(year);
        }
        assertThat(century.researchFunding().fen()).isEqualTo(Bounds.MAX_FEN * 1_000_000);
        assertThat(century.researchers()).isEqualTo(Indicators.MAX_COUNT * 1_000_000);
    }

    @Test
    void aTotalThatWouldLeaveALongFailsInsteadOfWrappingToANegativeFigure() {
        IndicatorTotals legacy = of(3, Long.MAX_VALUE);
        assertThatThrownBy(() -> legacy.plus(of(1, 209))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> of(Long.MAX_VALUE, 0).plus(of(1, 0))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void recordedTotalsFailInsteadOfWrappingToo() {
        RecordedTotals legacy = RecordedTotals.of(1, 1, Long.MAX_VALUE, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> legacy.plus(RecordedTotals.of(1, 1, 1, 0, 0, 0, 0, 0)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> RecordedTotals.of(0, 0, 0, Long.MIN_VALUE, 1, 0, 0, 0))
                .isInstanceOf(ArithmeticException.class);
    }
}
