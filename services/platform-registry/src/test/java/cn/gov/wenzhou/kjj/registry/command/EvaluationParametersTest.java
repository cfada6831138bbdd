package cn.gov.wenzhou.kjj.registry.command;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationParametersTest {

    private static final EvaluationParameters.Weights WEIGHTS = new EvaluationParameters.Weights(8, 8, 8, 8, 10, 10,
            8, 8, 16, 16);

    @Test
    void evaluationYearUsesTheVersionInForceOnItsLastDay() {
        EvaluationParameters parameters = new EvaluationParameters(List.of(
                version("2025.1", LocalDate.of(2025, 7, 1), 92),
                version("2023.1", LocalDate.of(2023, 1, 1), 90)));

        assertThat(parameters.forYear(2022)).isEmpty();
        assertThat(parameters.forYear(2024)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo("2023.1"));
        assertThat(parameters.forYear(2025)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo("2025.1"));
        assertThat(parameters.forYear(2031).orElseThrow().gradeThresholds().excellent())
                .isEqualByComparingTo("92");
    }

    @Test
    void gradesFollowTheThresholdsInclusively() {
        GradeThresholds thresholds = new GradeThresholds("v", BigDecimal.valueOf(90), BigDecimal.valueOf(80),
                BigDecimal.valueOf(60));
        assertThat(thresholds.gradeFor(new BigDecimal("100"))).isEqualTo(Grade.EXCELLENT);
        assertThat(thresholds.gradeFor(new BigDecimal("90.00"))).isEqualTo(Grade.EXCELLENT);
        assertThat(thresholds.gradeFor(new BigDecimal("89.99"))).isEqualTo(Grade.GOOD);
        assertThat(thresholds.gradeFor(new BigDecimal("80"))).isEqualTo(Grade.GOOD);
        assertThat(thresholds.gradeFor(new BigDecimal("60"))).isEqualTo(Grade.PASS);
        assertThat(thresholds.gradeFor(new BigDecimal("59.99"))).isEqualTo(Grade.FAIL);
        assertThat(thresholds.gradeFor(BigDecimal.ZERO)).isEqualTo(Grade.FAIL);
    }

    @Test
    void thresholdsThatDoNotRiseAreRejectedAtStartup() {
        assertThatThrownBy(() -> new GradeThresholds("v", BigDecimal.valueOf(80), BigDecimal.valueOf(80),
                BigDecimal.valueOf(60))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void weightsMustSumToAHundredAndStressResultsAndLocalService() {
        assertThatThrownBy(() -> new EvaluationParameters.Weights(8, 8, 8, 8, 10, 10, 8, 8, 16, 15))
                .hasMessageContaining("sum to 100");
        assertThatThrownBy(() -> new EvaluationParameters.Weights(20, 8, 8, 8, 10, 10, 8, 8, 10, 10))
                .hasMessageContaining("weigh most");
    }

    @Test
    void twoVersionsWithOneLabelAreRejected() {
        assertThatThrownBy(() -> new EvaluationParameters(List.of(version("a", LocalDate.of(2023, 1, 1), 90),
                version("a", LocalDate.of(2024, 1, 1), 90)))).isInstanceOf(IllegalStateException.class);
    }

    private static EvaluationParameters.Version version(String label, LocalDate from, int excellent) {
        return new EvaluationParameters.Version(label, from, "test",
                new EvaluationParameters.Thresholds(BigDecimal.valueOf(excellent), BigDecimal.valueOf(80),
                        BigDecimal.valueOf(60)), WEIGHTS);
    }
}
