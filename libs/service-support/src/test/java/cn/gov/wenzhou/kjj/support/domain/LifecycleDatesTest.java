package cn.gov.wenzhou.kjj.support.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleDatesTest {

    private static final LocalDate REGISTERED = LocalDate.of(2022, 1, 10);

    @Test
    void aDateBeforeTheStepItFollowsBreaksTheNamedRuleAndSaysBoth() {
        assertThatThrownBy(() -> LifecycleDates.notBefore(REGISTERED.minusDays(1), "recognizedOn", REGISTERED,
                "the registration", "recognition.before-registration"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo("recognition.before-registration");
                    assertThat(e.getMessage()).contains("recognizedOn 2022-01-09").contains("2022-01-10")
                            .contains("the registration");
                });
    }

    @Test
    void theSameDayOrLaterFollowsTheStep() {
        assertThat(LifecycleDates.notBefore(REGISTERED, "recognizedOn", REGISTERED, "the registration", "r"))
                .isEqualTo(REGISTERED);
        assertThat(LifecycleDates.notBefore(REGISTERED.plusDays(1), "recognizedOn", REGISTERED, "x", "r"))
                .isEqualTo(REGISTERED.plusDays(1));
    }

    @Test
    void aStepNotTakenOrdersNothing() {
        assertThat(LifecycleDates.notBefore(REGISTERED, "recognizedOn", null, "the registration", "r"))
                .isEqualTo(REGISTERED);
    }

    @Test
    void aMissingDateIsInvalidInputNamingTheField() {
        assertThatThrownBy(() -> LifecycleDates.notBefore(null, "exitedOn", REGISTERED, "the admission", "r"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("exitedOn"));
    }
}
