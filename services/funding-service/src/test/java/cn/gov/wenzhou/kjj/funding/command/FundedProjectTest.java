package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AdjustBudget;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AwardProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.CloseProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.DisburseTranche;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordAcceptance;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ResumeProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SuspendProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecoverFunds;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SignContract;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.TerminateProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.AcceptanceRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.BudgetAdjusted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ContractSigned;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ExpenditureRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.FundsRecovered;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.MidTermCheckRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectClosed;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectSuspended;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectTerminated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.TrancheDisbursed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.gov.wenzhou.kjj.funding.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.funding.command.Rules.violates;

class FundedProjectTest {

    private static final String P = "project-1";
    private static final String RECIPIENT = "91330300MA2H7K8L0G";
    private static final String PLATFORM = "platform-1";
    private static final LocalDate AWARDED = LocalDate.of(2025, 5, 1);
    private static final long AWARD = 1_000_000L;
    private static final List<BudgetLine> BUDGET = List.of(
            new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 300_000L),
            new BudgetLine("OPERATING", CategoryKind.DIRECT, 400_000L),
            new BudgetLine("LABOUR", CategoryKind.DIRECT, 200_000L),
            new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 100_000L));
    private static final List<Tranche> PLAN = List.of(new Tranche(1, Milestone.CONTRACT, 50, 500_000L),
            new Tranche(2, Milestone.MID_TERM, 30, 300_000L), new Tranche(3, Milestone.ACCEPTANCE, 20, 200_000L));

    private FixtureConfiguration<FundedProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FundedProject.class);
        fixture.registerInjectableResource(new InMemoryEvidence());
        fixture.registerInjectableResource(new InMemoryRecipientHolds());
    }

    @Test
    void awardWithinTheIndirectCapStartsTheProjectWithItsTranchePlanAndParameterVersion() {
        fixture.givenNoPriorActivity()
                .when(award(BUDGET, Map.of(PLATFORM, Standing.RECOGNIZED)))
                .expectEvents(awarded());
    }

    @Test
    void awardToARevokedPlatformIsRefused() {
        fixture.givenNoPriorActivity()
                .when(award(BUDGET, Map.of(PLATFORM, Standing.REVOKED)))
                .expectException(violates("award.platform-revoked"))
                .expectNoEvents();
    }

    /** The registry now publishes a re-application as its own standing: its recognition is still revoked. */
    @Test
    void awardToARevokedPlatformThatHasReappliedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(award(BUDGET, Map.of(PLATFORM, Standing.REAPPLIED)))
                .expectException(violates("award.platform-revoked"))
                .expectNoEvents();
    }

    @Test
    void indirectCostsAboveTheTieredCapAreRefused() {
        // base = 400k + 200k - the cap is 30% = 180k; 200k of indirect costs is above it
        List<BudgetLine> budget = List.of(new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 200_000L),
                new BudgetLine("OPERATING", CategoryKind.DIRECT, 400_000L),
                new BudgetLine("LABOUR", CategoryKind.DIRECT, 200_000L),
                new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 200_000L));
        fixture.givenNoPriorActivity()
                .when(award(budget, Map.of()))
                .expectException(violates("budget.indirect-cost-cap"))
                .expectNoEvents();
    }

    @Test
    void budgetThatDoesNotAddUpToTheAwardIsRefused() {
        fixture.givenNoPriorActivity()
                .when(award(BUDGET.subList(0, 3), Map.of()))
                .expectException(violates("budget.total-equals-award"))
                .expectNoEvents();
    }

    @Test
    void awardAboveTenBillionYuanIsRefusedNamingIt() {
        fixture.givenNoPriorActivity()
                .when(new AwardProject(P, "call-1", "application-1", "攻关项目", RECIPIENT, PLATFORM, List.of(),
                        Map.of(), Long.MAX_VALUE, 0, "THREE-CATEGORY-2021", BUDGET, Rules.DEFAULT, "温科项-1", AWARDED))
                .expectException(invalid("awardFen"))
                .expectNoEvents();
    }

    @Test
    void budgetLinesThatWouldSumPastALongAreRefusedInsteadOfWrappingToTheAward() {
        // Long.MAX_VALUE + Long.MAX_VALUE + 1,000,002 wraps to exactly the award of 1,000,000 in a plain long sum
        List<BudgetLine> wrapping = List.of(new BudgetLine("OPERATING", CategoryKind.DIRECT, Long.MAX_VALUE),
                new BudgetLine("LABOUR", CategoryKind.DIRECT, Long.MAX_VALUE),
                new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 1_000_002L));
        fixture.givenNoPriorActivity()
                .when(award(wrapping, Map.of()))
                .expectException(invalid("budget[0].amountFen"))
                .expectNoEvents();
    }

    @Test
    void expenditureAboveTheBoundIsRefusedNamingIt() {
        fixture.given(awarded(), signed(), paid(1, 500_000L))
                .when(spend("OPERATING", Long.MAX_VALUE))
                .expectException(invalid("amountFen"))
                .expectNoEvents();
    }

    @Test
    void disbursementAboveTheBoundIsRefusedNamingIt() {
        fixture.given(awarded(), signed())
                .when(disburse(1, Long.MAX_VALUE))
                .expectException(invalid("amountFen"))
                .expectNoEvents();
    }

    @Test
    void historyWhoseAmountsLeaveALongFailsToFoldInsteadOfWrapping() {
        ProjectBook book = new ProjectBook();
        book.apply(awarded());
        book.apply(paid(1, Long.MAX_VALUE));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> book.apply(paid(2, 1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void signingTheContractAcceptsTheFirstMilestone() {
        fixture.given(awarded())
                .when(new SignContract(P, "合同-1", AWARDED.plusDays(5)))
                .expectEvents(new ContractSigned(P, "合同-1", AWARDED.plusDays(5)));
    }

    @Test
    void noDisbursementWithoutItsAcceptedMilestone() {
        fixture.given(awarded(), signed())
                .when(disburse(2, null))
                .expectException(violates("disbursement.milestone-not-accepted"))
                .expectNoEvents();
    }

    @Test
    void anAcceptedTrancheIsPaidItsPlannedAmountWithTheParameterVersion() {
        fixture.given(awarded(), signed())
                .when(disburse(1, null))
                .expectEvents(paid(1, 500_000L));
    }

    @Test
    void moneyOutNeverExceedsTheAward() {
        fixture.given(awarded(), signed())
                .when(disburse(1, AWARD + 1))
                .expectException(violates("disbursement.exceeds-award"))
                .expectNoEvents();
    }

    @Test
    void aTrancheIsNeverPaidBeyondItsPlannedAmount() {
        fixture.given(awarded(), signed(), paid(1, 400_000L))
                .when(disburse(1, 100_001L))
                .expectException(violates("disbursement.exceeds-tranche"))
                .expectNoEvents();
    }

    @Test
    void aFullyPaidTrancheIsNotPaidAgain() {
        fixture.given(awarded(), signed(), paid(1, 500_000L))
                .when(disburse(1, null))
                .expectException(violates("disbursement.tranche-paid"))
                .expectNoEvents();
    }

    @Test
    void nothingIsPaidToASuspendedProject() {
        fixture.given(awarded(), signed(), new ProjectSuspended(P, "滞后", "函-1", AWARDED.plusDays(6)))
                .when(disburse(1, null))
                .expectException(violates("disbursement.project-suspended"))
                .expectNoEvents();
    }

    @Test
    void nothingIsPaidToATerminatedProject() {
        fixture.given(awarded(), signed(), terminated(0))
                .when(disburse(1, null))
                .expectException(violates("disbursement.project-terminated"))
                .expectNoEvents();
    }

    @Test
    void aDisbursementIsNotDatedBeforeItsMilestone() {
        fixture.given(awarded(), signed())
                .when(new DisburseTranche(P, 1, null, "拨-1", null, AWARDED, "r-1", "officer-1", BELOW_THRESHOLD))
                .expectException(violates("disbursement.before-milestone"))
                .expectNoEvents();
    }

    @Test
    void expenditureIsRecordedAgainstItsCategoryWithItsVoucher() {
        fixture.given(awarded(), signed(), paid(1, 500_000L))
                .when(spend("OPERATING", 150_000L))
                .expectEvents(new ExpenditureRecorded(P, "e-1", "OPERATING", 150_000L, "记-1", "材料",
                        "2021.1", AWARDED.plusDays(20)));
    }

    @Test
    void expenditureNeverExceedsTheCategorysCurrentBudget() {
        fixture.given(awarded(), signed(), paid(1, 500_000L))
                .when(spend("LABOUR", 200_001L))
                .expectException(violates("expenditure.exceeds-category-budget"))
                .expectNoEvents();
    }

    @Test
    void expenditureNeverExceedsTheFundsReceived() {
        fixture.given(awarded(), signed(), paid(1, 100_000L))
                .when(spend("OPERATING", 100_001L))
                .expectException(violates("expenditure.exceeds-funds-received"))
                .expectNoEvents();
    }

    @Test
    void expenditureInACategoryOutsideTheProjectsSchemeIsABadInput() {
        fixture.given(awarded(), signed(), paid(1, 500_000L))
                .when(spend("MATERIALS", 1L))
                .expectException(invalid("category"))
                .expectNoEvents();
    }

    @Test
    void movingMoneyBetweenDirectCategoriesIsTheProjectsOwnDecision() {
        fixture.given(awarded(), signed())
                .when(new AdjustBudget(P, "OPERATING", "LABOUR", 50_000L, "劳务增加", null, AWARDED.plusDays(30)))
                .expectEvents(new BudgetAdjusted(P, "OPERATING", "LABOUR", 50_000L, "劳务增加", null, "2021.1",
                        AWARDED.plusDays(30)));
    }

    @Test
    void changingEquipmentNeedsTheHostUnitsApproval() {
        fixture.given(awarded(), signed())
                .when(new AdjustBudget(P, "EQUIPMENT", "OPERATING", 50_000L, "设备改租", " ", AWARDED.plusDays(30)))
                .expectException(violates("budget.equipment-needs-host-approval"))
                .expectNoEvents();
    }

    @Test
    void indirectCostsNeverIncrease() {
        fixture.given(awarded(), signed())
                .when(new AdjustBudget(P, "OPERATING", "INDIRECT", 1L, "管理费不足", "批-1", AWARDED.plusDays(30)))
                .expectException(violates("budget.indirect-never-increases"))
                .expectNoEvents();
    }

    @Test
    void aCategoryBudgetNeverGoesBelowWhatItHasSpent() {
        fixture.given(awarded(), signed(), paid(1, 500_000L),
                        new ExpenditureRecorded(P, "e-1", "OPERATING", 390_000L, "记-1", "材料", "2021.1",
                                AWARDED.plusDays(20)))
                .when(new AdjustBudget(P, "OPERATING", "LABOUR", 10_001L, "调剂", null, AWARDED.plusDays(30)))
                .expectException(violates("budget.below-spent"))
                .expectNoEvents();
    }

    @Test
    void terminationOrdersRecoveryOfAtMostTheUnspentBalance() {
        fixture.given(awarded(), signed(), paid(1, 500_000L),
                        new ExpenditureRecorded(P, "e-1", "OPERATING", 100_000L, "记-1", "材料", "2021.1",
                                AWARDED.plusDays(20)))
                .when(new TerminateProject(P, "终止", "函-9", 400_001L, AWARDED.plusDays(40)))
                .expectException(violates("recovery.exceeds-unspent-balance"))
                .expectNoEvents();
    }

    @Test
    void recoveredFundsAreRecordedUpToTheRecoveryOrder() {
        fixture.given(awarded(), signed(), paid(1, 500_000L), terminated(300_000L))
                .when(new RecoverFunds(P, 300_000L, "追-1", AWARDED.plusDays(50)))
                .expectEvents(new FundsRecovered(P, 300_000L, RECIPIENT, PLATFORM, "追-1", "2021.1",
                        AWARDED.plusDays(50)));
        fixture.given(awarded(), signed(), paid(1, 500_000L), terminated(300_000L))
                .when(new RecoverFunds(P, 300_001L, "追-1", AWARDED.plusDays(50)))
                .expectException(violates("recovery.exceeds-order"));
    }

    @Test
    void aTerminatedProjectClosesOnlyOnceTheRecoveryIsComplete() {
        fixture.given(awarded(), signed(), paid(1, 500_000L), terminated(300_000L))
                .when(new CloseProject(P, "结-1", AWARDED.plusDays(60)))
                .expectException(violates("close.recovery-outstanding"))
                .expectNoEvents();
    }

    @Test
    void closingATerminatedProjectReturnsWhatIsLeftOfTheBalance() {
        fixture.given(awarded(), signed(), paid(1, 500_000L), terminated(300_000L),
                        new FundsRecovered(P, 300_000L, RECIPIENT, PLATFORM, "追-1", "2021.1", AWARDED.plusDays(50)))
                .when(new CloseProject(P, "结-1", AWARDED.plusDays(60)))
                .expectEvents(new ProjectClosed(P, "TERMINATED", RECIPIENT, PLATFORM, 200_000L, "RETURNED", "结-1",
                        "2021.1", AWARDED.plusDays(60)));
    }

    @Test
    void closingAProjectThatPassedAcceptanceRetainsTheBalance() {
        fixture.given(accepted(true))
                .when(new CloseProject(P, "结-1", AWARDED.plusDays(300)))
                .expectEvents(new ProjectClosed(P, "ACCEPTED", RECIPIENT, PLATFORM, 700_000L, "RETAINED", "结-1",
                        "2021.1", AWARDED.plusDays(300)));
    }

    @Test
    void closingAProjectThatFailedAcceptanceReturnsTheBalance() {
        fixture.given(accepted(false))
                .when(new CloseProject(P, "结-1", AWARDED.plusDays(300)))
                .expectEvents(new ProjectClosed(P, "NOT_ACCEPTED", RECIPIENT, PLATFORM, 500_000L, "RETURNED", "结-1",
                        "2021.1", AWARDED.plusDays(300)));
    }

    @Test
    void aRunningProjectDoesNotCloseBeforeItsAcceptance() {
        fixture.given(awarded(), signed())
                .when(new CloseProject(P, "结-1", AWARDED.plusDays(300)))
                .expectException(violates("close.not-ready"))
                .expectNoEvents();
    }

    @Test
    void acceptanceComesAfterAPassedMidTermCheck() {
        fixture.given(awarded(), signed())
                .when(new RecordAcceptance(P, true, "验-1", null, AWARDED.plusDays(200)))
                .expectException(violates("milestone.out-of-order"))
                .expectNoEvents();
    }

    @Test
    void nothingMovesAfterClosure() {
        List<Object> history = new java.util.ArrayList<>(accepted(true));
        history.add(new ProjectClosed(P, "ACCEPTED", RECIPIENT, PLATFORM, 700_000L, "RETAINED", "结-1", "2021.1",
                AWARDED.plusDays(300)));
        fixture.given(history)
                .when(disburse(3, null))
                .expectException(violates("project.closed"))
                .expectNoEvents();
    }

    // lifecycle dates: award → contract → milestones and tranches → expenditure → suspension, resumption,
    // termination, recovery → closure

    @Test
    void aContractSignedBeforeTheAwardIsRefused() {
        fixture.given(awarded())
                .when(new SignContract(P, "合同-1", AWARDED.minusDays(1)))
                .expectException(violates("contract.before-award"))
                .expectNoEvents();
    }

    @Test
    void expenditureDatedBeforeTheContractIsRefused() {
        fixture.given(awarded(), signed(), paid(1, 500_000L))
                .when(new RecordExpenditure(P, "e-1", "OPERATING", 1_000L, "记-1", "材料", AWARDED.plusDays(4)))
                .expectException(violates("expenditure.before-contract"))
                .expectNoEvents();
    }

    @Test
    void aSuspensionDatedBeforeTheAwardIsRefused() {
        fixture.given(awarded(), signed())
                .when(new SuspendProject(P, "核查", "函-1", AWARDED.minusDays(1)))
                .expectException(violates("suspension.before-award"))
                .expectNoEvents();
    }

    @Test
    void aResumptionDatedBeforeTheSuspensionIsRefused() {
        fixture.given(awarded(), signed(), new ProjectSuspended(P, "核查", "函-1", AWARDED.plusDays(30)))
                .when(new ResumeProject(P, "核查完毕", "函-2", AWARDED.plusDays(29)))
                .expectException(violates("resumption.before-suspension"))
                .expectNoEvents();
    }

    @Test
    void aTerminationDatedBeforeTheLastMoneyEventIsRefused() {
        fixture.given(awarded(), signed(), paid(1, 500_000L))
                .when(new TerminateProject(P, "终止", "函-9", 0, AWARDED.plusDays(9)))
                .expectException(violates("termination.before-last-money-event"))
                .expectNoEvents();
    }

    @Test
    void aRecoveryDatedBeforeTheTerminationIsRefused() {
        fixture.given(awarded(), signed(), paid(1, 500_000L), terminated(100_000L))
                .when(new RecoverFunds(P, 100_000L, "缴-1", AWARDED.plusDays(39)))
                .expectException(violates("recovery.before-termination"))
                .expectNoEvents();
    }

    private static AwardProject award(List<BudgetLine> budget, Map<String, Standing> standings) {
        return new AwardProject(P, "call-1", "application-1", "攻关项目", RECIPIENT, PLATFORM, List.of(), standings,
                AWARD, 500_000L, "THREE-CATEGORY-2021", budget, Rules.DEFAULT, "温科项-1", AWARDED);
    }

    static ProjectAwarded awarded() {
        return new ProjectAwarded(P, "攻关项目", new AwardRecipient(RECIPIENT, PLATFORM, List.of()),
                new AwardMoney(AWARD, 500_000L), new BudgetPlan("THREE-CATEGORY-2021", BUDGET, 180_000L, PLAN),
                new BalanceRules("RETAINED", "RETURNED"),
                new AwardDecision("call-1", "application-1", "2021.1", "温科项-1", AWARDED, List.of()));
    }

    static ContractSigned signed() {
        return new ContractSigned(P, "合同-1", AWARDED.plusDays(5));
    }

    /** Approval rules under which every amount here is paid at once (four-eyes: PaymentApprovalTest). */
    static final PaymentApprovalParameters.Version BELOW_THRESHOLD =
            new PaymentApprovalParameters.Version("direct", AWARDED, 10_000_000L, 14);

    private static DisburseTranche disburse(int tranche, Long amount) {
        return new DisburseTranche(P, tranche, amount, "拨-" + tranche, "拨付", AWARDED.plusDays(10), "r-" + tranche,
                "officer-1", BELOW_THRESHOLD);
    }

    private static TrancheDisbursed paid(int tranche, long amount) {
        return new TrancheDisbursed(P, tranche, PLAN.get(tranche - 1).milestone(), amount, RECIPIENT, PLATFORM,
                "拨-" + tranche, "拨付", "2021.1", AWARDED.plusDays(10), null, "officer-1", null);
    }

    private static RecordExpenditure spend(String category, long amount) {
        return new RecordExpenditure(P, "e-1", category, amount, "记-1", "材料", AWARDED.plusDays(20));
    }

    private static ProjectTerminated terminated(long recovery) {
        return new ProjectTerminated(P, "终止", "函-9", recovery, "2021.1", AWARDED.plusDays(40));
    }

    private static List<Object> accepted(boolean passed) {
        List<Object> history = new java.util.ArrayList<>(List.of(awarded(), signed(), paid(1, 500_000L),
                new ExpenditureRecorded(P, "e-1", "OPERATING", 300_000L, "记-1", "材料", "2021.1", AWARDED.plusDays(20)),
                new MidTermCheckRecorded(P, true, "中-1", null, AWARDED.plusDays(100)),
                new TrancheDisbursed(P, 2, Milestone.MID_TERM, 300_000L, RECIPIENT, PLATFORM, "拨-2", null, "2021.1",
                        AWARDED.plusDays(110), null, "officer-1", null),
                new AcceptanceRecorded(P, passed, "验-1", null, AWARDED.plusDays(250))));
        if (passed) {
            history.add(new TrancheDisbursed(P, 3, Milestone.ACCEPTANCE, 200_000L, RECIPIENT, PLATFORM, "拨-3", null,
                    "2021.1", AWARDED.plusDays(260), null, "officer-1", null));
        }
        return history;
    }
}
