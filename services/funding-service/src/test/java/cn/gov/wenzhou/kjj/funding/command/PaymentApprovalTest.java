package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApproveDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ApproverDelegationEvents.DelegationLimitSet;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementApproved;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementEscalated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRejected;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequestExpired;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequested;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.EscalateDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ExpireDisbursementRequest;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RejectDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ApproverDelegationCommands.SetDelegationLimit;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.DisburseTranche;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectSuspended;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.TrancheDisbursed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static cn.gov.wenzhou.kjj.funding.command.FundedProjectTest.awarded;
import static cn.gov.wenzhou.kjj.funding.command.FundedProjectTest.signed;
import static cn.gov.wenzhou.kjj.funding.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.funding.command.Rules.violates;

/** Four-eyes payment approval on a project, and an approver's delegation. */
class PaymentApprovalTest {

    private static final String P = "project-1";
    private static final String RECIPIENT = "91330300MA2H7K8L0G";
    private static final String REQUESTER = "officer-a";
    private static final String APPROVER = "officer-b";
    private static final LocalDate ON = LocalDate.of(2025, 5, 11);
    private static final PaymentApprovalParameters.Version EVERY_PAYMENT =
            new PaymentApprovalParameters.Version("2021.1", LocalDate.of(2016, 1, 1), 0, 14);

    private FixtureConfiguration<FundedProject> fixture;
    private final Map<String, ApproverDelegation.Delegation> delegations = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FundedProject.class);
        fixture.registerInjectableResource(new InMemoryEvidence());
        fixture.registerInjectableResource(new InMemoryRecipientHolds());
        fixture.registerAnnotatedCommandHandler(new PaymentApprovalHandler(fixture.getRepository(),
                approver -> delegations.getOrDefault(approver, ApproverDelegation.Delegation.none(approver))));
        delegations.put(APPROVER, new ApproverDelegation.Delegation(APPROVER, 1, 400_000L, "v1"));
    }

    private static DisburseTranche disburse(long amount, PaymentApprovalParameters.Version rules) {
        return new DisburseTranche(P, 1, amount, "拨-1", "首笔拨付", ON, "request-1", REQUESTER, rules);
    }

    private static DisbursementRequested requested(long amount) {
        return new DisbursementRequested(P, "request-1", 1, Milestone.CONTRACT, amount, "拨-1", "首笔拨付", REQUESTER,
                ON, ON.plusDays(14), "2021.1", "2021.1");
    }

    private static ApproveDisbursement approve(String approver, LocalDate on) {
        return new ApproveDisbursement(P, "request-1", approver, "同意", on);
    }

    @Test
    void aPaymentAboveTheThresholdIsARequestNotAPayment() {
        fixture.given(awarded(), signed())
                .when(disburse(300_000L, EVERY_PAYMENT))
                .expectEvents(requested(300_000L))
                .expectResultMessagePayload(FundedProject.AWAITING_APPROVAL);
    }

    @Test
    void aPaymentAtOrBelowTheThresholdIsPaidAtOnceAndNamesWhoPaid() {
        PaymentApprovalParameters.Version upTo300k =
                new PaymentApprovalParameters.Version("2021.2", LocalDate.of(2016, 1, 1), 300_000L, 14);
        fixture.given(awarded(), signed())
                .when(disburse(300_000L, upTo300k))
                .expectEvents(new TrancheDisbursed(P, 1, Milestone.CONTRACT, 300_000L, RECIPIENT, "platform-1", "拨-1",
                        "首笔拨付", "2021.1", ON, null, REQUESTER, null))
                .expectResultMessagePayload(FundedProject.PAID);
    }

    @Test
    void aSecondPersonWithinTheirLimitApprovesAndTheTrancheIsPaid() {
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(approve(APPROVER, ON.plusDays(2)))
                .expectEvents(new DisbursementApproved(P, "request-1", APPROVER, 1, 400_000L, "v1", "同意",
                                ON.plusDays(2)),
                        new TrancheDisbursed(P, 1, Milestone.CONTRACT, 300_000L, RECIPIENT, "platform-1", "拨-1",
                                "首笔拨付", "2021.1", ON.plusDays(2), "request-1", REQUESTER, APPROVER));
    }

    @Test
    void theRequesterNeverApprovesTheirOwnRequest() {
        delegations.put(REQUESTER, new ApproverDelegation.Delegation(REQUESTER, 3, 1_000_000L, "v1"));
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(approve(REQUESTER, ON))
                .expectException(violates("approval.own-request"))
                .expectNoEvents();
    }

    @Test
    void anApprovalBeyondTheApproversDelegationLimitIsRefused() {
        fixture.given(awarded(), signed(), requested(450_000L))
                .when(approve(APPROVER, ON))
                .expectException(violates("approval.beyond-delegation-limit"))
                .expectNoEvents();
    }

    @Test
    void someoneWithoutADelegationCannotApprove() {
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(approve("officer-without-delegation", ON))
                .expectException(violates("approval.level-too-low"))
                .expectNoEvents();
    }

    @Test
    void anApproverBeyondTheirLimitEscalatesAndALevelTwoApproverApproves() {
        fixture.given(awarded(), signed(), requested(450_000L))
                .when(new EscalateDisbursement(P, "request-1", APPROVER, "超出本人审批权限", ON))
                .expectEvents(new DisbursementEscalated(P, "request-1", APPROVER, 2, "超出本人审批权限", ON));

        delegations.put("director", new ApproverDelegation.Delegation("director", 2, 1_000_000L, "v3"));
        fixture.given(awarded(), signed(), requested(450_000L),
                        new DisbursementEscalated(P, "request-1", APPROVER, 2, "超出本人审批权限", ON))
                .when(approve(APPROVER, ON))
                .expectException(violates("approval.level-too-low"));
        fixture.given(awarded(), signed(), requested(450_000L),
                        new DisbursementEscalated(P, "request-1", APPROVER, 2, "超出本人审批权限", ON))
                .when(approve("director", ON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anExpiredRequestIsNotApprovedAndTheSweepExpiresIt() {
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(approve(APPROVER, ON.plusDays(15)))
                .expectException(violates("approval.request-expired"));
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(new ExpireDisbursementRequest(P, "request-1", ON.plusDays(14)))
                .expectException(violates("approval.not-expired"));
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(new ExpireDisbursementRequest(P, "request-1", ON.plusDays(15)))
                .expectEvents(new DisbursementRequestExpired(P, "request-1", ON.plusDays(14), ON.plusDays(15)));
    }

    @Test
    void aRejectionRecordsItsReasonAndReleasesTheAmount() {
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(new RejectDisbursement(P, "request-1", APPROVER, "", ON))
                .expectException(invalid("reason"));
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(new RejectDisbursement(P, "request-1", APPROVER, "拨付单据不全", ON))
                .expectEvents(new DisbursementRejected(P, "request-1", APPROVER, "拨付单据不全", ON));
        fixture.given(awarded(), signed(), requested(300_000L),
                        new DisbursementRejected(P, "request-1", APPROVER, "拨付单据不全", ON))
                .when(new DisburseTranche(P, 1, 500_000L, "拨-1", "重新申请", ON, "request-2", REQUESTER, EVERY_PAYMENT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPendingRequestReservesItsAmountSoTwoRequestsNeverPromiseMoreThanTheTranche() {
        fixture.given(awarded(), signed(), requested(300_000L))
                .when(new DisburseTranche(P, 1, 300_000L, "拨-1b", null, ON, "request-2", REQUESTER, EVERY_PAYMENT))
                .expectException(violates("disbursement.exceeds-tranche"))
                .expectNoEvents();
    }

    @Test
    void anApprovedRequestIsNotApprovedTwice() {
        fixture.given(awarded(), signed(), requested(300_000L),
                        new DisbursementApproved(P, "request-1", APPROVER, 1, 400_000L, "v1", null, ON))
                .when(approve("officer-c", ON))
                .expectException(violates("approval.not-pending"))
                .expectNoEvents();
    }

    @Test
    void aSuspendedProjectIsNotPaidOnAnEarlierRequest() {
        fixture.given(awarded(), signed(), requested(300_000L), new ProjectSuspended(P, "暂停", "函-1", ON))
                .when(approve(APPROVER, ON))
                .expectException(violates("disbursement.project-suspended"))
                .expectNoEvents();
    }

    @Test
    void aDelegationIsSetBySomeoneElseWithItsReasonAndEveryChangeIsKept() {
        AggregateTestFixture<ApproverDelegation> delegation = new AggregateTestFixture<>(ApproverDelegation.class);
        delegation.givenNoPriorActivity()
                .when(new SetDelegationLimit(APPROVER, 1, 400_000L, "科室负责人", "director", ON))
                .expectEvents(new DelegationLimitSet(APPROVER, 1, 400_000L, "科室负责人", "director", ON, "v1"));
        delegation.given(new DelegationLimitSet(APPROVER, 1, 400_000L, "科室负责人", "director", ON, "v1"))
                .when(new SetDelegationLimit(APPROVER, 1, 0, "调岗，收回授权", "director", ON.plusDays(30)))
                .expectEvents(new DelegationLimitSet(APPROVER, 1, 0, "调岗，收回授权", "director", ON.plusDays(30),
                        "v2"));
        delegation.givenNoPriorActivity()
                .when(new SetDelegationLimit(APPROVER, 1, 400_000L, "自己授权", APPROVER, ON))
                .expectException(violates("delegation.own-limit"));
        delegation.givenNoPriorActivity()
                .when(new SetDelegationLimit(APPROVER, 4, 400_000L, "越级", "director", ON))
                .expectException(invalid("level"));
    }
}
