package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApproveDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementApproved;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequested;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.DisburseTranche;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SignContract;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.TerminateProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ContractSigned;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectTerminated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.TrancheDisbursed;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AcceptReport;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApplyReportingDeadlines;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementHoldLifted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementHoldStarted;
import cn.gov.wenzhou.kjj.funding.command.NoticeRecipient;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportAccepted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportOverdue;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportOverdueEscalated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportReminderIssued;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportReturned;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportSubmitted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportingScheduleSet;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ReturnReport;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SubmitReport;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.SuspensionProposed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.wenzhou.kjj.funding.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.funding.command.Rules.violates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * Reporting obligations on a project: the schedule from the reporting version, submission and the officer's decision,
 * and what the business clock brings — each reminder once, overdue after the grace period, the hold that refuses
 * disbursement and lifts on acceptance (also recipient-wide, by the parameter), escalation and suspension proposal.
 */
class ReportingObligationsTest {

    private static final String P = "project-1";
    private static final String OTHER = "project-2";
    private static final String RECIPIENT = "91330300MA2H7K8L0G";
    private static final String TITLE = "攻关项目";
    private static final LocalDate AWARDED = LocalDate.of(2025, 5, 1);
    private static final LocalDate SIGNED = LocalDate.of(2025, 6, 1);
    /** A one-year term: progress report at month 6, mid-term report at month 9, the 2025 financial report. */
    private static final ReportingParameters.Version RULES = new ReportingParameters.Version("T1",
            LocalDate.of(2016, 1, 1), 12, 6, 9, 3, 31, 10, 15, 30, 30, 30, false);
    private static final ReportingParameters.Version RECIPIENT_WIDE = new ReportingParameters.Version("T2",
            LocalDate.of(2016, 1, 1), 12, 6, 9, 3, 31, 10, 15, 30, 30, 30, true);
    private static final LocalDate PROGRESS_DUE = LocalDate.of(2025, 12, 1);
    /** The day after the due date plus 15 days of grace. */
    private static final LocalDate PROGRESS_OVERDUE = LocalDate.of(2025, 12, 17);
    private static final PaymentApprovalParameters.Version NO_APPROVAL =
            new PaymentApprovalParameters.Version("open", LocalDate.of(2016, 1, 1), Long.MAX_VALUE - 1, 14);
    private static final PaymentApprovalParameters.Version FOUR_EYES =
            new PaymentApprovalParameters.Version("2021.1", LocalDate.of(2016, 1, 1), 0, 14);
    private static final List<BudgetLine> BUDGET = List.of(
            new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 300_000L),
            new BudgetLine("OPERATING", CategoryKind.DIRECT, 400_000L),
            new BudgetLine("LABOUR", CategoryKind.DIRECT, 200_000L),
            new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 100_000L));
    private static final List<Tranche> PLAN = List.of(new Tranche(1, Milestone.CONTRACT, 50, 500_000L),
            new Tranche(2, Milestone.MID_TERM, 30, 300_000L), new Tranche(3, Milestone.ACCEPTANCE, 20, 200_000L));

    private final InMemoryEvidence evidence = new InMemoryEvidence();
    /** One store of holds for every project of a test, as the service's table is. */
    private final InMemoryRecipientHolds holds = new InMemoryRecipientHolds();
    private FixtureConfiguration<FundedProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private FixtureConfiguration<FundedProject> fixture() {
        FixtureConfiguration<FundedProject> f = new AggregateTestFixture<>(FundedProject.class);
        f.registerInjectableResource(evidence);
        f.registerInjectableResource(holds);
        f.registerAnnotatedCommandHandler(new PaymentApprovalHandler(f.getRepository(),
                approver -> new ApproverDelegation.Delegation(approver, 1, 10_000_000L, "v1")));
        return f;
    }

    // --- the schedule ---

    @Test
    void theContractGetsItsReportScheduleFromTheReportingVersionInForceRecordingTheVersion() {
        fixture.given(awarded(P))
                .when(new SignContract(P, "合同-1", SIGNED, RULES))
                .expectEvents(new ContractSigned(P, "合同-1", SIGNED),
                        new ReportingScheduleSet(P, RECIPIENT, "T1", SIGNED, 10, 15, 30, 30, 30, false, List.of(
                                new ReportObligation("PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE),
                                new ReportObligation("MID_TERM", ReportKind.MID_TERM, LocalDate.of(2026, 3, 1)),
                                new ReportObligation("ANNUAL_FINANCIAL-2025", ReportKind.ANNUAL_FINANCIAL,
                                        LocalDate.of(2026, 3, 31)),
                                new ReportObligation("ACCEPTANCE", ReportKind.ACCEPTANCE, LocalDate.of(2026, 6, 1)))));
    }

    @Test
    void theDefaultScheduleHasAProgressReportEverySixMonthsAFinancialReportEachYearMidTermAndAcceptance() {
        ReportingParameters.Version defaults = new ReportingParameters.Version("2021.1", LocalDate.of(2016, 1, 1),
                36, 6, 18, 3, 31, 14, 15, 30, 30, 30, false);
        List<ReportObligation> schedule = defaults.scheduleFrom(SIGNED);
        assertThat(schedule).filteredOn(o -> o.kind() == ReportKind.PROGRESS).extracting(ReportObligation::dueOn)
                .containsExactly(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1),
                        LocalDate.of(2027, 6, 1), LocalDate.of(2027, 12, 1));
        assertThat(schedule).filteredOn(o -> o.kind() == ReportKind.ANNUAL_FINANCIAL)
                .extracting(ReportObligation::obligationId, ReportObligation::dueOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ANNUAL_FINANCIAL-2025", LocalDate.of(2026, 3, 31)),
                        org.assertj.core.groups.Tuple.tuple("ANNUAL_FINANCIAL-2026", LocalDate.of(2027, 3, 31)),
                        org.assertj.core.groups.Tuple.tuple("ANNUAL_FINANCIAL-2027", LocalDate.of(2028, 3, 31)));
        assertThat(schedule).filteredOn(o -> o.kind() == ReportKind.MID_TERM).extracting(ReportObligation::dueOn)
                .containsExactly(LocalDate.of(2026, 12, 1));
        assertThat(schedule).filteredOn(o -> o.kind() == ReportKind.ACCEPTANCE).extracting(ReportObligation::dueOn)
                .containsExactly(LocalDate.of(2028, 6, 1));
        assertThat(schedule).isSortedAccordingTo(java.util.Comparator.comparing(ReportObligation::dueOn));
    }

    @Test
    void aReportingVersionWhoseAnnualDueDayNotEveryYearHasIsAConfigurationMistake() {
        assertThat(new ReportingParameters(List.of(RULES)).on(SIGNED)).isEqualTo(RULES);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> new ReportingParameters(
                List.of(new ReportingParameters.Version("bad", LocalDate.of(2016, 1, 1), 12, 6, 9, 2, 29, 10, 15, 30,
                        30, 30, false))));
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> new ReportingParameters(
                List.of(new ReportingParameters.Version("bad", LocalDate.of(2016, 1, 1), 12, 6, 18, 3, 31, 10, 15, 30,
                        30, 30, false)))).withMessageContaining("mid-term within the term");
    }

    @Test
    void aContractWithoutReportingRulesHasNoSchedule() {
        fixture.given(awarded(P))
                .when(new SignContract(P, "合同-1", SIGNED))
                .expectEvents(new ContractSigned(P, "合同-1", SIGNED));
    }

    // --- submission, acceptance, return ---

    @Test
    void theEnterpriseSubmitsAReportByReference() {
        fixture.given(history(contracted(P, RULES)))
                .when(new SubmitReport(P, "PROGRESS-1", null, " 温科报〔2025〕1号 ", "enterprise-1", PROGRESS_DUE))
                .expectEvents(new ReportSubmitted(P, "PROGRESS-1", ReportKind.PROGRESS, 1, null, "温科报〔2025〕1号",
                        "enterprise-1", PROGRESS_DUE));
    }

    @Test
    void aReportAsAStoredDocumentIsSubmittedAndAnUnstoredOneRefused() {
        String stored = evidence.store("a".repeat(64), null);
        fixture.given(history(contracted(P, RULES)))
                .when(new SubmitReport(P, "PROGRESS-1", stored, null, "enterprise-1", PROGRESS_DUE))
                .expectEvents(new ReportSubmitted(P, "PROGRESS-1", ReportKind.PROGRESS, 1, stored, null,
                        "enterprise-1", PROGRESS_DUE));
        fixture().given(history(contracted(P, RULES)))
                .when(new SubmitReport(P, "PROGRESS-1", "b".repeat(64), null, "enterprise-1", PROGRESS_DUE))
                .expectException(violates(Evidence.NOT_STORED))
                .expectNoEvents();
    }

    @Test
    void aSubmissionNamesADocumentOrAReference() {
        fixture.given(history(contracted(P, RULES)))
                .when(new SubmitReport(P, "PROGRESS-1", null, " ", "enterprise-1", PROGRESS_DUE))
                .expectException(invalid("reference"))
                .expectNoEvents();
    }

    @Test
    void anUnknownReportIsRefusedNamingTheField() {
        fixture.given(history(contracted(P, RULES)))
                .when(new SubmitReport(P, "PROGRESS-9", null, "报-1", "enterprise-1", PROGRESS_DUE))
                .expectException(invalid("obligationId"))
                .expectNoEvents();
    }

    @Test
    void aReportWaitingForTheOfficerIsNotSubmittedAgain() {
        fixture.given(history(contracted(P, RULES), submitted(P, 1)))
                .when(new SubmitReport(P, "PROGRESS-1", null, "报-2", "enterprise-1", PROGRESS_DUE))
                .expectException(violates("report.already-submitted"))
                .expectNoEvents();
    }

    @Test
    void theOfficerAcceptsASubmittedReport() {
        fixture.given(history(contracted(P, RULES), submitted(P, 1)))
                .when(new AcceptReport(P, "PROGRESS-1", "officer-1", "合格", PROGRESS_DUE.plusDays(3)))
                .expectEvents(new ReportAccepted(P, "PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE, "officer-1",
                        "合格", PROGRESS_DUE.plusDays(3)));
    }

    @Test
    void onlyASubmittedReportIsAcceptedOrReturned() {
        fixture.given(history(contracted(P, RULES)))
                .when(new AcceptReport(P, "PROGRESS-1", "officer-1", null, PROGRESS_DUE))
                .expectException(violates("report.not-submitted"))
                .expectNoEvents();
        fixture().given(history(contracted(P, RULES)))
                .when(new ReturnReport(P, "PROGRESS-1", "officer-1", "缺少附件", PROGRESS_DUE))
                .expectException(violates("report.not-submitted"))
                .expectNoEvents();
    }

    @Test
    void aReturnedReportIsDueAgainAfterTheParameterPeriodInANewCycle() {
        LocalDate returned = PROGRESS_DUE.plusDays(2);
        fixture.given(history(contracted(P, RULES), submitted(P, 1)))
                .when(new ReturnReport(P, "PROGRESS-1", "officer-1", "缺少经费明细", returned))
                .expectEvents(new ReportReturned(P, "PROGRESS-1", ReportKind.PROGRESS, "缺少经费明细", "officer-1",
                        returned, returned.plusDays(30), 2, "T1"));
    }

    @Test
    void aReturnWithoutAReasonIsRefused() {
        fixture.given(history(contracted(P, RULES), submitted(P, 1)))
                .when(new ReturnReport(P, "PROGRESS-1", "officer-1", " ", PROGRESS_DUE))
                .expectException(invalid("reason"))
                .expectNoEvents();
    }

    // --- reminders ---

    @Test
    void theRecipientIsRemindedTheParameterDaysBeforeTheDueDate() {
        LocalDate remindOn = PROGRESS_DUE.minusDays(10);
        fixture.given(history(contracted(P, RULES)))
                .when(new ApplyReportingDeadlines(P, remindOn))
                .expectEvents(reminder(P, remindOn, 10))
                .expectResultMessagePayload(1);
    }

    @Test
    void nothingIsRemindedBeforeTheReminderDay() {
        fixture.given(history(contracted(P, RULES)))
                .when(new ApplyReportingDeadlines(P, PROGRESS_DUE.minusDays(11)))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }

    @Test
    void aReminderIsRecordedOnceHoweverOftenTheSweepComes() {
        LocalDate remindOn = PROGRESS_DUE.minusDays(10);
        fixture.given(history(contracted(P, RULES), reminder(P, remindOn, 10)))
                .when(new ApplyReportingDeadlines(P, remindOn.plusDays(3)))
                .expectNoEvents();
    }

    @Test
    void aSweepThatComesLateStillRemindsUpToTheDueDate() {
        fixture.given(history(contracted(P, RULES)))
                .when(new ApplyReportingDeadlines(P, PROGRESS_DUE))
                .expectEvents(new ReportReminderIssued(P + "/PROGRESS-1/1/REMINDER", P, TITLE,
                        NoticeRecipient.enterprise(RECIPIENT), "PROGRESS-1", ReportKind.PROGRESS, 1, PROGRESS_DUE, 0,
                        PROGRESS_DUE, "T1"));
    }

    @Test
    void aReturnedReportIsRemindedAgainForItsNewDueDate() {
        LocalDate returned = PROGRESS_DUE;
        LocalDate nextDue = returned.plusDays(30);
        fixture.given(history(contracted(P, RULES), reminder(P, PROGRESS_DUE.minusDays(10), 10), submitted(P, 1),
                        new ReportReturned(P, "PROGRESS-1", ReportKind.PROGRESS, "补充", "officer-1", returned, nextDue,
                                2, "T1")))
                .when(new ApplyReportingDeadlines(P, nextDue.minusDays(10)))
                .expectEvents(new ReportReminderIssued(P + "/PROGRESS-1/2/REMINDER", P, TITLE,
                        NoticeRecipient.enterprise(RECIPIENT), "PROGRESS-1", ReportKind.PROGRESS, 2, nextDue, 10,
                        nextDue.minusDays(10), "T1"));
    }

    // --- overdue and the hold ---

    @Test
    void aReportIsNotOverdueWithinTheGracePeriod() {
        fixture.given(history(contracted(P, RULES), reminder(P, PROGRESS_DUE.minusDays(10), 10)))
                .when(new ApplyReportingDeadlines(P, PROGRESS_OVERDUE.minusDays(1)))
                .expectNoEvents();
    }

    @Test
    void theDayAfterDueDatePlusGraceTheReportIsOverdueAndTheProjectOnHold() {
        fixture.given(history(contracted(P, RULES), reminder(P, PROGRESS_DUE.minusDays(10), 10)))
                .when(new ApplyReportingDeadlines(P, PROGRESS_OVERDUE))
                .expectEvents(overdue(P, PROGRESS_OVERDUE), holdStarted(P));
        assertThat(holds.all()).extracting(RecipientHolds.Hold::projectId).containsExactly(P);
    }

    @Test
    void aReportWaitingForTheOfficerIsNotMadeOverdue() {
        fixture.given(history(contracted(P, RULES), submitted(P, 1)))
                .when(new ApplyReportingDeadlines(P, PROGRESS_OVERDUE.plusDays(5)))
                .expectNoEvents();
    }

    @Test
    void anOverdueReportHoldsADisbursementNamingTheReportAndItsDueDate() {
        fixture.given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P)))
                .when(disburse(P, PROGRESS_OVERDUE.plusDays(1), NO_APPROVAL))
                .expectException(violates("disbursement.report-overdue"))
                .expectExceptionMessage(allOf(containsString("PROGRESS-1"), containsString("2025-12-01"),
                        containsString("进展报告")))
                .expectNoEvents();
    }

    @Test
    void theHoldAppliesFromTheOverdueDayEvenBeforeTheSweepRecordsIt() {
        fixture.given(history(contracted(P, RULES)))
                .when(disburse(P, PROGRESS_OVERDUE, NO_APPROVAL))
                .expectException(violates("disbursement.report-overdue"))
                .expectNoEvents();
        fixture().given(history(contracted(P, RULES)))
                .when(disburse(P, PROGRESS_OVERDUE.minusDays(1), NO_APPROVAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(paid(P, PROGRESS_OVERDUE.minusDays(1)));
    }

    @Test
    void anOverdueReportHoldsADisbursementRequestAndItsApproval() {
        fixture.given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P)))
                .when(disburse(P, PROGRESS_OVERDUE, FOUR_EYES))
                .expectException(violates("disbursement.report-overdue"))
                .expectNoEvents();
        LocalDate requestedOn = PROGRESS_OVERDUE.minusDays(3);
        fixture().given(history(contracted(P, RULES), new DisbursementRequested(P, "request-1", 1, Milestone.CONTRACT,
                        500_000L, "拨-1", "首笔", "officer-1", requestedOn, requestedOn.plusDays(14), "2021.1", "2021.1"),
                        overdue(P, PROGRESS_OVERDUE), holdStarted(P)))
                .when(new ApproveDisbursement(P, "request-1", "officer-2", "同意", PROGRESS_OVERDUE.plusDays(1)))
                .expectException(violates("disbursement.report-overdue"))
                .expectNoEvents();
    }

    @Test
    void acceptingTheReportLiftsTheHoldByItself() {
        LocalDate acceptedOn = PROGRESS_OVERDUE.plusDays(4);
        fixture.given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P),
                        submitted(P, PROGRESS_OVERDUE.plusDays(2))))
                .when(new AcceptReport(P, "PROGRESS-1", "officer-1", "补交合格", acceptedOn))
                .expectEvents(new ReportAccepted(P, "PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE, "officer-1",
                                "补交合格", acceptedOn),
                        new DisbursementHoldLifted(P, RECIPIENT, "PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE,
                                PROGRESS_OVERDUE, acceptedOn, "REPORT_ACCEPTED"));
        fixture().given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P),
                        submitted(P, PROGRESS_OVERDUE.plusDays(2)),
                        new ReportAccepted(P, "PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE, "officer-1", null,
                                acceptedOn),
                        new DisbursementHoldLifted(P, RECIPIENT, "PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE,
                                PROGRESS_OVERDUE, acceptedOn, "REPORT_ACCEPTED")))
                .when(disburse(P, acceptedOn, NO_APPROVAL))
                .expectEvents(paid(P, acceptedOn));
    }

    @Test
    void aReturnedReportKeepsTheHoldUntilAReportIsAccepted() {
        LocalDate returned = PROGRESS_OVERDUE.plusDays(3);
        fixture.given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P),
                        submitted(P, PROGRESS_OVERDUE.plusDays(1)),
                        new ReportReturned(P, "PROGRESS-1", ReportKind.PROGRESS, "补充", "officer-1", returned,
                                returned.plusDays(30), 2, "T1")))
                .when(disburse(P, returned, NO_APPROVAL))
                .expectException(violates("disbursement.report-overdue"));
    }

    @Test
    void underTheRecipientWideRuleAnOverdueReportOfAnotherProjectOfTheRecipientHoldsThisOne() {
        fixture.given(history(contracted(OTHER, RULES)))
                .when(new ApplyReportingDeadlines(OTHER, PROGRESS_OVERDUE))
                .expectEvents(overdue(OTHER, PROGRESS_OVERDUE), holdStarted(OTHER));
        // this project's own reports are all in order: its progress report was accepted
        LocalDate on = PROGRESS_OVERDUE.plusDays(1);
        fixture().given(history(contracted(P, RECIPIENT_WIDE), submitted(P, 1), new ReportAccepted(P, "PROGRESS-1",
                        ReportKind.PROGRESS, PROGRESS_DUE, "officer-1", null, PROGRESS_DUE)))
                .when(disburse(P, on, NO_APPROVAL))
                .expectException(violates("disbursement.report-overdue"))
                .expectExceptionMessage(allOf(containsString(OTHER), containsString("PROGRESS-1"),
                        containsString("2025-12-01")));
        // without the rule the other project's report does not hold this one
        fixture().given(history(contracted(P, RULES), submitted(P, 1), new ReportAccepted(P, "PROGRESS-1",
                        ReportKind.PROGRESS, PROGRESS_DUE, "officer-1", null, PROGRESS_DUE)))
                .when(disburse(P, on, NO_APPROVAL))
                .expectEvents(paid(P, on));
    }

    @Test
    void acceptingTheOtherProjectsReportLiftsTheRecipientWideHold() {
        fixture.given(history(contracted(OTHER, RULES)))
                .when(new ApplyReportingDeadlines(OTHER, PROGRESS_OVERDUE));
        fixture().given(history(contracted(OTHER, RULES), overdue(OTHER, PROGRESS_OVERDUE), holdStarted(OTHER),
                        submitted(OTHER, PROGRESS_OVERDUE)))
                .when(new AcceptReport(OTHER, "PROGRESS-1", "officer-1", null, PROGRESS_OVERDUE.plusDays(1)))
                .expectSuccessfulHandlerExecution();
        LocalDate on = PROGRESS_OVERDUE.plusDays(1);
        fixture().given(history(contracted(P, RECIPIENT_WIDE), submitted(P, 1), new ReportAccepted(P, "PROGRESS-1",
                        ReportKind.PROGRESS, PROGRESS_DUE, "officer-1", null, PROGRESS_DUE)))
                .when(disburse(P, on, NO_APPROVAL))
                .expectEvents(paid(P, on));
    }

    @Test
    void aTerminatedProjectHoldsNothingOfItsRecipientAnyMore() {
        fixture.given(history(contracted(P, RULES)))
                .when(new ApplyReportingDeadlines(P, PROGRESS_OVERDUE));
        LocalDate terminatedOn = PROGRESS_OVERDUE.plusDays(2);
        fixture().given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P)))
                .when(new TerminateProject(P, "未按期报告", "温科终〔2026〕1号", 0, terminatedOn))
                .expectEvents(new ProjectTerminated(P, "未按期报告", "温科终〔2026〕1号", 0, "2021.1", terminatedOn),
                        new DisbursementHoldLifted(P, RECIPIENT, "PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE,
                                PROGRESS_OVERDUE, terminatedOn, "PROJECT_TERMINATED"));
        assertThat(holds.all()).isEmpty();
    }

    // --- escalation and the suspension proposal ---

    @Test
    void aReportOverdueForTheParameterDaysIsEscalatedToTheSupervisorRole() {
        LocalDate escalateOn = PROGRESS_OVERDUE.plusDays(30);
        fixture.given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P)))
                .when(new ApplyReportingDeadlines(P, escalateOn.minusDays(1)))
                .expectNoEvents();
        fixture().given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P)))
                .when(new ApplyReportingDeadlines(P, escalateOn))
                .expectEvents(escalated(escalateOn));
    }

    @Test
    void aFurtherPeriodAfterTheEscalationTheProjectIsProposedForSuspensionNeverSuspended() {
        LocalDate escalateOn = PROGRESS_OVERDUE.plusDays(30);
        LocalDate proposeOn = escalateOn.plusDays(30);
        fixture.given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P), escalated(escalateOn)))
                .when(new ApplyReportingDeadlines(P, proposeOn.minusDays(1)))
                .expectNoEvents();
        fixture().given(history(contracted(P, RULES), overdue(P, PROGRESS_OVERDUE), holdStarted(P), escalated(escalateOn)))
                .when(new ApplyReportingDeadlines(P, proposeOn))
                .expectEvents(new SuspensionProposed(P + "/PROGRESS-1/1/SUSPENSION_PROPOSAL", P, TITLE,
                        NoticeRecipient.role("FUNDING_OFFICER"), RECIPIENT, "PROGRESS-1", ReportKind.PROGRESS,
                        PROGRESS_DUE, PROGRESS_OVERDUE, (int) java.time.temporal.ChronoUnit.DAYS.between(PROGRESS_DUE,
                        proposeOn), proposeOn, "T1"));
    }

    @Test
    void aSweepAfterALongPauseRecordsEveryStepOnceInOrder() {
        LocalDate late = PROGRESS_OVERDUE.plusDays(60);
        fixture.given(history(contracted(P, RULES), reminder(P, PROGRESS_DUE.minusDays(10), 10)))
                .when(new ApplyReportingDeadlines(P, late))
                .expectEvents(new ReportOverdue(P + "/PROGRESS-1/1/OVERDUE", P, TITLE,
                                NoticeRecipient.enterprise(RECIPIENT), "PROGRESS-1", ReportKind.PROGRESS, 1,
                                PROGRESS_DUE, 15, PROGRESS_OVERDUE, late, "T1"), holdStarted(P),
                        new ReportOverdueEscalated(P + "/PROGRESS-1/1/ESCALATION", P, TITLE,
                                NoticeRecipient.role("FUNDING_SUPERVISOR"), RECIPIENT, "PROGRESS-1",
                                ReportKind.PROGRESS, PROGRESS_DUE, PROGRESS_OVERDUE, 76, late, "T1"),
                        new SuspensionProposed(P + "/PROGRESS-1/1/SUSPENSION_PROPOSAL", P, TITLE,
                                NoticeRecipient.role("FUNDING_OFFICER"), RECIPIENT, "PROGRESS-1",
                                ReportKind.PROGRESS, PROGRESS_DUE, PROGRESS_OVERDUE, 76, late, "T1"));
    }

    // --- helpers ---

    private static ProjectAwarded awarded(String projectId) {
        return new ProjectAwarded(projectId, TITLE, new AwardRecipient(RECIPIENT, "platform-1", List.of()),
                new AwardMoney(1_000_000L, 500_000L), new BudgetPlan("THREE-CATEGORY-2021", BUDGET, 180_000L, PLAN),
                new BalanceRules("RETAINED", "RETURNED"),
                new AwardDecision("call-1", "application-" + projectId, "2021.1", "温科项-1", AWARDED, List.of()));
    }

    /** The events of a history: arrays (a contracted project's first events) are spread. */
    private static List<Object> history(Object... parts) {
        List<Object> events = new java.util.ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Object[] many) {
                events.addAll(List.of(many));
            } else {
                events.add(part);
            }
        }
        return events;
    }

    private static Object[] contracted(String projectId, ReportingParameters.Version rules) {
        return new Object[]{awarded(projectId), new ContractSigned(projectId, "合同-1", SIGNED),
                new ReportingScheduleSet(projectId, RECIPIENT, rules.version(), SIGNED, rules.remindDaysBefore(),
                        rules.graceDays(), rules.resubmitWithinDays(), rules.escalateAfterDays(),
                        rules.proposeSuspensionAfterDays(), rules.holdAcrossRecipient(), rules.scheduleFrom(SIGNED))};
    }

    private static ReportSubmitted submitted(String projectId, int cycle) {
        return new ReportSubmitted(projectId, "PROGRESS-1", ReportKind.PROGRESS, cycle, null, "报-1", "enterprise-1",
                PROGRESS_DUE.minusDays(1));
    }

    private static ReportSubmitted submitted(String projectId, LocalDate on) {
        return new ReportSubmitted(projectId, "PROGRESS-1", ReportKind.PROGRESS, 1, null, "报-1", "enterprise-1", on);
    }

    private static ReportReminderIssued reminder(String projectId, LocalDate on, int daysLeft) {
        return new ReportReminderIssued(projectId + "/PROGRESS-1/1/REMINDER", projectId, TITLE,
                NoticeRecipient.enterprise(RECIPIENT), "PROGRESS-1", ReportKind.PROGRESS, 1, PROGRESS_DUE, daysLeft,
                on, "T1");
    }

    private static ReportOverdue overdue(String projectId, LocalDate recordedOn) {
        return new ReportOverdue(projectId + "/PROGRESS-1/1/OVERDUE", projectId, TITLE,
                NoticeRecipient.enterprise(RECIPIENT), "PROGRESS-1", ReportKind.PROGRESS, 1, PROGRESS_DUE, 15,
                PROGRESS_OVERDUE, recordedOn, "T1");
    }

    private static DisbursementHoldStarted holdStarted(String projectId) {
        return new DisbursementHoldStarted(projectId, RECIPIENT, "PROGRESS-1", ReportKind.PROGRESS, PROGRESS_DUE,
                PROGRESS_OVERDUE, "T1");
    }

    private static ReportOverdueEscalated escalated(LocalDate on) {
        return new ReportOverdueEscalated(P + "/PROGRESS-1/1/ESCALATION", P, TITLE,
                NoticeRecipient.role("FUNDING_SUPERVISOR"), RECIPIENT, "PROGRESS-1", ReportKind.PROGRESS,
                PROGRESS_DUE, PROGRESS_OVERDUE, (int) java.time.temporal.ChronoUnit.DAYS.between(PROGRESS_DUE, on), on,
                "T1");
    }

    private static DisburseTranche disburse(String projectId, LocalDate on, PaymentApprovalParameters.Version rules) {
        return new DisburseTranche(projectId, 1, 500_000L, "拨-1", "首笔拨付", on, "request-1", "officer-1", rules);
    }

    private static TrancheDisbursed paid(String projectId, LocalDate on) {
        return new TrancheDisbursed(projectId, 1, Milestone.CONTRACT, 500_000L, RECIPIENT, "platform-1", "拨-1",
                "首笔拨付", "2021.1", on, null, "officer-1", null);
    }
}
