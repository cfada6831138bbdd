package cn.gov.wenzhou.kjj.support.web;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A business date a request may leave out: today when absent, never in the future, never before the minimum. */
class RequestDateTest {

    /** 2026-12-01 16:30 UTC is already 2026-12-02 in Wenzhou: today is the business calendar's. */
    private static final Clock LATE_UTC_EVENING = Clock.fixed(Instant.parse("2026-12-01T16:30:00Z"), ZoneOffset.UTC);

    @Test
    void anAbsentDateIsTodayOfTheBusinessCalendar() {
        assertThat(BusinessDateInput.orToday(null, "on", LATE_UTC_EVENING)).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void todayAndEarlierDatesStandAsGiven() {
        assertThat(BusinessDateInput.orToday(LocalDate.of(2026, 12, 2), "on", LATE_UTC_EVENING))
                .isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(BusinessDateInput.orToday(LocalDate.of(2021, 3, 1), "on", LATE_UTC_EVENING))
                .isEqualTo(LocalDate.of(2021, 3, 1));
    }

    @Test
    void aDateAfterTodayIsABadInputNamingTheField() {
        assertThatThrownBy(() -> BusinessDateInput.orToday(LocalDate.of(2026, 12, 3), "awardedOn", LATE_UTC_EVENING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("awardedOn"));
    }

    @Test
    void aDateBeforeTheMinimumIsABadInputNamingTheField() {
        assertThatThrownBy(() -> BusinessDateInput.orToday(LocalDate.of(1999, 12, 31), "hireDate", LATE_UTC_EVENING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hireDate"));
    }
}
