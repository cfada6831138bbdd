package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ConfirmRectification;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ReapplyForRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecognizePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordEvaluation;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordNonAttendance;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SubmitAnnualReport;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.registry.command.Given.CODE;
import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.REGISTERED_ON;
import static cn.gov.wenzhou.kjj.registry.command.Given.RECOGNIZED_ON;
import static cn.gov.wenzhou.kjj.registry.command.Given.SOME;
import static cn.gov.wenzhou.kjj.registry.command.Given.THRESHOLDS;
import static cn.gov.wenzhou.kjj.registry.command.Given.recognized;
import static cn.gov.wenzhou.kjj.registry.command.Given.rectificationIssued;
import static cn.gov.wenzhou.kjj.registry.command.Given.registered;
import static cn.gov.wenzhou.kjj.registry.command.Given.reported;
import static cn.gov.wenzhou.kjj.registry.command.Given.revoked;
import static cn.gov.wenzhou.kjj.registry.command.Given.violates;

/**
 * The registry's lifecycle in date order: registration → recognition → the years' reports and evaluations →
 * rectification → revocation → re-application. A date before the step it follows is refused naming the rule, and
 * nothing is stored.
 */
class LifecycleDateOrderTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    private FixtureConfiguration<Platform> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
    }

    @Test
    void recognitionDatedBeforeTheRegistrationIsRefused() {
        fixture.given(registered())
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔2022〕1号", REGISTERED_ON.minusDays(1), TODAY))
                .expectException(violates("recognition.before-registration"))
                .expectNoEvents();
    }

    @Test
    void recognitionOnTheDayOfTheRegistrationIsRecorded() {
        fixture.given(registered())
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔2022〕1号", REGISTERED_ON, TODAY))
                .expectEvents(new PlatformRecognized(ID, CODE, Level.MUNICIPAL, "温科发〔2022〕1号", REGISTERED_ON));
    }

    @Test
    void annualReportSubmittedBeforeTheRecognitionIsRefused() {
        fixture.given(registered(), recognized())
                .when(new SubmitAnnualReport(ID, 2022, SOME, RECOGNIZED_ON.minusDays(1)))
                .expectException(violates("report.before-recognition"))
                .expectNoEvents();
    }

    @Test
    void reportRevisionDatedBeforeThePreviousRevisionIsRefused() {
        fixture.given(registered(), recognized(), reported(2023))
                .when(new SubmitAnnualReport(ID, 2023, SOME, LocalDate.of(2024, 3, 30)))
                .expectException(violates("report.before-previous-revision"))
                .expectNoEvents();
    }

    @Test
    void evaluationDatedBeforeTheYearsReportIsRefused() {
        fixture.given(registered(), recognized(), reported(2023))
                .when(new RecordEvaluation(ID, 2023, new BigDecimal("85.00"), null, THRESHOLDS,
                        LocalDate.of(2024, 3, 30)))
                .expectException(violates("evaluation.before-report"))
                .expectNoEvents();
    }

    @Test
    void nonAttendanceRecordedBeforeTheRecognitionIsRefused() {
        fixture.given(registered(), recognized())
                .when(new RecordNonAttendance(ID, 2022, false, null, RECOGNIZED_ON.minusDays(1)))
                .expectException(violates("evaluation.before-recognition"))
                .expectNoEvents();
    }

    @Test
    void rectificationConfirmedBeforeItsNoticeIsRefused() {
        fixture.given(registered(), recognized(), reported(2023), rectificationIssued(2023))
                .when(new ConfirmRectification(ID, 2023, LocalDate.of(2024, 5, 19)))
                .expectException(violates("rectification.before-notice"))
                .expectNoEvents();
    }

    @Test
    void reapplicationDatedBeforeTheRevocationIsRefused() {
        LocalDate revokedOn = LocalDate.of(2025, 6, 1);
        fixture.given(registered(), recognized(), revoked(revokedOn))
                .when(new ReapplyForRecognition(ID, revokedOn.minusDays(1)))
                .expectException(violates("reapplication.before-revocation"))
                .expectNoEvents();
    }
}
