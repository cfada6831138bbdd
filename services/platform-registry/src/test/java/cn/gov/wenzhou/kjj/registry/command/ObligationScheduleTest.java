package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ApplyAnnualReportSchedule;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ApplyRectificationSchedule;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordNonAttendance;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SetNoticeAddress;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportMissing;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportReminded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.NoticeAddressSet;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationOverdue;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationReminded;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.registry.command.Given.CODE;
import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.invalid;
import static cn.gov.wenzhou.kjj.registry.command.Given.recognized;
import static cn.gov.wenzhou.kjj.registry.command.Given.rectificationIssued;
import static cn.gov.wenzhou.kjj.registry.command.Given.registered;
import static cn.gov.wenzhou.kjj.registry.command.Given.reported;
import static cn.gov.wenzhou.kjj.registry.command.Given.revoked;

/**
 * The registry's reporting obligations under {@link Given#OBLIGATIONS}: year Y's report due on 31 March of Y+1,
 * reminders from 14 days before; a rectification notice gives 90 days, reminded 14 days before its deadline.
 */
class ObligationScheduleTest {

    private static final LocalDate DUE_2023 = LocalDate.of(2024, 3, 31);
    private static final LocalDate RECTIFY_BY = LocalDate.of(2024, 8, 18);
    private static final String AUTHORITY = District.LUCHENG.supervisingAuthority();

    private FixtureConfiguration<Platform> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
        fixture.registerInjectableResource(Given.OBLIGATIONS);
    }

    private static AnnualReportReminded reminded2023(LocalDate on) {
        return new AnnualReportReminded(ID, CODE, 2023, DUE_2023, "test.1", on);
    }

    private static AnnualReportMissing missing2023(LocalDate on) {
        return new AnnualReportMissing(ID, CODE, 2023, DUE_2023, "test.1", on);
    }

    @Test
    void theAnnualReportFallsDueOnTheParametersDayOfTheFollowingYear() {
        ObligationParameters.Version terms = Given.OBLIGATIONS.forYear(2023).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(terms.annualReportDueOn(2023)).isEqualTo(DUE_2023);
        org.assertj.core.api.Assertions.assertThat(terms.reportReminderFrom(2023)).isEqualTo(LocalDate.of(2024, 3, 17));
        org.assertj.core.api.Assertions.assertThat(Given.OBLIGATIONS.forYear(2022)).isEmpty();
    }

    @Test
    void nothingIsDueBeforeTheReminderPeriod() {
        fixture.given(registered(), recognized())
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 3, 16)))
                .expectNoEvents()
                .expectResultMessagePayload(ObligationStep.NONE);
    }

    @Test
    void aPlatformWithoutItsReportIsRemindedInTheDaysBeforeTheDueDate() {
        fixture.given(registered(), recognized())
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 3, 17)))
                .expectEvents(reminded2023(LocalDate.of(2024, 3, 17)))
                .expectResultMessagePayload(ObligationStep.REMINDED);
    }

    @Test
    void theReminderIsRecordedOnceHoweverOftenTheScheduleIsApplied() {
        fixture.given(registered(), recognized(), reminded2023(LocalDate.of(2024, 3, 17)))
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 3, 31)))
                .expectNoEvents()
                .expectResultMessagePayload(ObligationStep.NONE);
    }

    @Test
    void onTheDueDateItselfTheReportIsStillInTime() {
        fixture.given(registered(), recognized(), reminded2023(LocalDate.of(2024, 3, 17)))
                .when(new ApplyAnnualReportSchedule(ID, 2023, DUE_2023))
                .expectNoEvents();
    }

    @Test
    void afterTheDueDateAPlatformWithoutItsReportIsListedAsMissing() {
        fixture.given(registered(), recognized(), reminded2023(LocalDate.of(2024, 3, 17)))
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 4, 1)))
                .expectEvents(missing2023(LocalDate.of(2024, 4, 1)))
                .expectResultMessagePayload(ObligationStep.LISTED);
    }

    @Test
    void aMissingReportIsListedOnce() {
        fixture.given(registered(), recognized(), missing2023(LocalDate.of(2024, 4, 1)))
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 6, 1)))
                .expectNoEvents();
    }

    @Test
    void aScheduleFirstAppliedAfterTheDueDateListsTheReportMissingWithoutALateReminder() {
        fixture.given(registered(), recognized())
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 5, 2)))
                .expectEvents(missing2023(LocalDate.of(2024, 5, 2)));
    }

    @Test
    void aPlatformThatReportedIsNeitherRemindedNorListed() {
        fixture.given(registered(), recognized(), reported(2023))
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 4, 1)))
                .expectNoEvents();
    }

    @Test
    void aYearWhoseEvaluationIsRecordedOwesNoReport() {
        fixture.given(registered(), recognized(), new EvaluationNotAttended(ID, CODE, 2023, true, "负责人变更",
                        LocalDate.of(2024, 3, 1)))
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 4, 1)))
                .expectNoEvents();
    }

    @Test
    void aYearNoObligationVersionCoversHasNoDueDate() {
        fixture.given(registered(), recognized())
                .when(new ApplyAnnualReportSchedule(ID, 2022, LocalDate.of(2023, 6, 1)))
                .expectNoEvents();
    }

    @Test
    void aRevokedPlatformOwesNoReport() {
        fixture.given(registered(), recognized(), revoked(LocalDate.of(2024, 2, 1)))
                .when(new ApplyAnnualReportSchedule(ID, 2023, LocalDate.of(2024, 4, 1)))
                .expectNoEvents();
    }

    @Test
    void staffDecideOnAMissingReportWithTheNonParticipationCommand() {
        fixture.given(registered(), recognized(), missing2023(LocalDate.of(2024, 4, 1)))
                .when(new RecordNonAttendance(ID, 2023, true, "主要负责人变更，经市科技局同意缓评", LocalDate.of(2024, 4, 10)))
                .expectEvents(new EvaluationNotAttended(ID, CODE, 2023, true, "主要负责人变更，经市科技局同意缓评",
                        LocalDate.of(2024, 4, 10)));
    }

    @Test
    void anUnconfirmedRectificationIsRemindedBeforeItsDeadline() {
        fixture.given(registered(), recognized(), rectificationIssued(2023))
                .when(new ApplyRectificationSchedule(ID, 2023, LocalDate.of(2024, 8, 4)))
                .expectEvents(new RectificationReminded(ID, CODE, 2023, RECTIFY_BY, AUTHORITY, LocalDate.of(2024, 8, 4)))
                .expectResultMessagePayload(ObligationStep.REMINDED);
    }

    @Test
    void aRectificationIsNotRemindedBeforeTheReminderPeriod() {
        fixture.given(registered(), recognized(), rectificationIssued(2023))
                .when(new ApplyRectificationSchedule(ID, 2023, LocalDate.of(2024, 8, 3)))
                .expectNoEvents();
    }

    @Test
    void aRectificationReminderIsRecordedOnce() {
        fixture.given(registered(), recognized(), rectificationIssued(2023),
                        new RectificationReminded(ID, CODE, 2023, RECTIFY_BY, AUTHORITY, LocalDate.of(2024, 8, 4)))
                .when(new ApplyRectificationSchedule(ID, 2023, RECTIFY_BY))
                .expectNoEvents();
    }

    @Test
    void anUnconfirmedRectificationPastItsDeadlineIsListedForTheDistrictAuthority() {
        fixture.given(registered(), recognized(), rectificationIssued(2023),
                        new RectificationReminded(ID, CODE, 2023, RECTIFY_BY, AUTHORITY, LocalDate.of(2024, 8, 4)))
                .when(new ApplyRectificationSchedule(ID, 2023, LocalDate.of(2024, 8, 19)))
                .expectEvents(new RectificationOverdue(ID, CODE, 2023, RECTIFY_BY, "鹿城区科技局",
                        LocalDate.of(2024, 8, 19)))
                .expectResultMessagePayload(ObligationStep.LISTED);
    }

    @Test
    void anOverdueRectificationIsListedOnce() {
        fixture.given(registered(), recognized(), rectificationIssued(2023),
                        new RectificationOverdue(ID, CODE, 2023, RECTIFY_BY, AUTHORITY, LocalDate.of(2024, 8, 19)))
                .when(new ApplyRectificationSchedule(ID, 2023, LocalDate.of(2024, 9, 1)))
                .expectNoEvents();
    }

    @Test
    void aConfirmedRectificationNeedsNoFollowUp() {
        fixture.given(registered(), recognized(), rectificationIssued(2023),
                        new RectificationConfirmed(ID, CODE, 2023, LocalDate.of(2024, 8, 1)))
                .when(new ApplyRectificationSchedule(ID, 2023, LocalDate.of(2024, 8, 19)))
                .expectNoEvents();
    }

    @Test
    void aNoticeIssuedBeforeDeadlinesExistedTakesItsDeadlineFromTheVersionInForceOnItsIssueDate() {
        fixture.given(registered(), recognized(), new RectificationIssued(ID, CODE, 2023, AUTHORITY,
                        LocalDate.of(2024, 5, 20), null, null))
                .when(new ApplyRectificationSchedule(ID, 2023, LocalDate.of(2024, 8, 19)))
                .expectEvents(new RectificationOverdue(ID, CODE, 2023, RECTIFY_BY, AUTHORITY,
                        LocalDate.of(2024, 8, 19)));
    }

    @Test
    void aPlatformKeepsTheNoticeAddressItIsGiven() {
        fixture.given(registered(), recognized())
                .when(new SetNoticeAddress(ID, " Office@OJLab.Example.CN ", LocalDate.of(2024, 1, 2)))
                .expectEvents(new NoticeAddressSet(ID, "Office@ojlab.example.cn", LocalDate.of(2024, 1, 2)));
    }

    @Test
    void theSameNoticeAddressAgainChangesNothing() {
        fixture.given(registered(), new NoticeAddressSet(ID, "office@ojlab.example.cn", LocalDate.of(2024, 1, 2)))
                .when(new SetNoticeAddress(ID, "office@OJLAB.example.cn", LocalDate.of(2024, 2, 2)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNoticeAddressThatIsNotAPlainEmailAddressIsRefusedNamingTheField() {
        for (String bad : new String[] {"office", "office@lab", "Office <office@lab.cn>", "a@" + "x".repeat(260) + ".cn"}) {
            fixture.given(registered())
                    .when(new SetNoticeAddress(ID, bad, LocalDate.of(2024, 1, 2)))
                    .expectException(InvalidInputException.class)
                    .expectException(invalid("address"))
                    .expectNoEvents();
        }
    }
}
