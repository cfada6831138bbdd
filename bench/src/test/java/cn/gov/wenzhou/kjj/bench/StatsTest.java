package cn.gov.wenzhou.kjj.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleSampleWhateverTheOrder() {
        assertThat(Stats.median(new double[]{9, 1, 5})).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenCountIsBetweenTheTwoMiddleSamples() {
        assertThat(Stats.median(new double[]{4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void quantilesInterpolateBetweenClosestRanksLikeNumpy() {
        double[] oneToHundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        // numpy.percentile(range(1, 101), [95, 99]) == [95.05, 99.01]
        assertThat(Stats.quantile(oneToHundred, 0.95)).isCloseTo(95.05, within(1e-9));
        assertThat(Stats.quantile(oneToHundred, 0.99)).isCloseTo(99.01, within(1e-9));
        assertThat(Stats.quantile(oneToHundred, 0.0)).isEqualTo(1);
        assertThat(Stats.quantile(oneToHundred, 1.0)).isEqualTo(100);
    }

    @Test
    void summaryReportsSpreadAsRangeOverMedian() {
        Stats.Summary summary = Stats.of(new double[]{110, 90, 100, 100, 100});
        assertThat(summary.n()).isEqualTo(5);
        assertThat(summary.median()).isEqualTo(100);
        assertThat(summary.min()).isEqualTo(90);
        assertThat(summary.max()).isEqualTo(110);
        assertThat(summary.spreadPercent()).isEqualTo(20);
    }

    @Test
    void aSingleSampleIsItsOwnMedianWithoutSpread() {
        Stats.Summary summary = Stats.of(new double[]{42});
        assertThat(summary.median()).isEqualTo(42);
        assertThat(summary.spreadPercent()).isZero();
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Stats.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.quantile(new double[]{1}, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
