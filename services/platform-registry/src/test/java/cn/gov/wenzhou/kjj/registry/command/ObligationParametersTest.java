package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.RegistryParametersFromYaml;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObligationParametersTest {

    private final ObligationParameters shipped = RegistryParametersFromYaml.obligations();

    @Test
    void aYearsReportFallsDueOnTheShippedDayOfTheFollowingYearWithRemindersBefore() {
        ObligationParameters.Version terms = shipped.forYear(2025).orElseThrow();
        assertThat(terms.version()).isEqualTo("2025.1");
        assertThat(terms.annualReportDueOn(2025)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(terms.reportReminderFrom(2025)).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(terms.rectificationDeadline(LocalDate.of(2026, 5, 20))).isEqualTo(LocalDate.of(2026, 8, 18));
    }

    @Test
    void yearsBeforeTheFirstVersionHaveNoDueDate() {
        assertThat(shipped.forYear(2024)).isEmpty();
        assertThat(shipped.inForceOn(LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void aVersionWithDaysOutOfBoundsOrAReminderAfterTheDeadlineIsRefusedAtStartUp() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        assertThatThrownBy(() -> new ObligationParameters.Version("x", from, "b", "02-30", 14, 90, 14))
                .hasMessageContaining("MM-dd");
        assertThatThrownBy(() -> new ObligationParameters.Version("x", from, "b", "03-31", 0, 90, 14))
                .hasMessageContaining("report-reminder-days-before");
        assertThatThrownBy(() -> new ObligationParameters.Version("x", from, "b", "03-31", 14, 400, 14))
                .hasMessageContaining("rectification-days");
        assertThatThrownBy(() -> new ObligationParameters.Version("x", from, "b", "03-31", 14, 10, 14))
                .hasMessageContaining("rectification-reminder-days-before");
        assertThatThrownBy(() -> new ObligationParameters(List.of()))
                .hasMessageContaining("at least one version");
    }
}
