package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApproveDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementApproved;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementEscalated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRejected;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequestExpired;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequested;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.EscalateDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ExpireDisbursementRequest;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RejectDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AdjustBudget;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AwardProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.CloseProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.DisburseTranche;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordAcceptance;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordMidTermCheck;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecoverFunds;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ResumeProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SignContract;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SuspendProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.TerminateProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.AcceptanceRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.BudgetAdjusted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ContractSigned;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ExpenditureRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.FundsRecovered;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.MidTermCheckRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectClosed;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectResumed;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectSuspended;
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
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.LifecycleDates;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A funded project under the special-fund rules: award and budget, tranches against milestones, expenditure, budget
 * adjustments, checks, suspension, termination with recovery, closure with balance settlement. Every money rule of
 * DOMAIN.md §2 is decided here, on the project's books.
 */
@Aggregate(cache = FundingCommandConfiguration.PROJECT_CACHE,
        snapshotTriggerDefinition = FundingCommandConfiguration.PROJECT_SNAPSHOT_TRIGGER)
public class FundedProject {

    /** Lines of a project's budget: one per category, and no scheme has more than a handful. */
    public static final int MAX_BUDGET_LINES = 20;
    public static final String PAID = "PAID";
    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";

    @AggregateIdentifier
    private String projectId;
    /** Its event-sourcing handlers fold every event of the project's stream (Axon forwards them to the member). */
    @AggregateMember
    private ProjectBook book = new ProjectBook();

    protected FundedProject() {
    }

    @CommandHandler
    public FundedProject(AwardProject command, Evidence evidence) {
        Map<String, Standing> standings = command.platformStandings();
        standings.forEach((platformId, standing) -> {
            if (Standing.barsNewAwards(standing)) {
                throw new RuleViolationException("award.platform-revoked",
                        "platform " + platformId + " has had its recognition revoked: it may not receive an award");
            }
        });
        Bounds.within(command.awardFen(), 1, Bounds.MAX_FEN, "awardFen");
        Bounds.fen(command.coFundingFen(), "coFundingFen");
        if (command.budget().isEmpty() || command.budget().size() > MAX_BUDGET_LINES) {
            throw new InvalidInputException("budget", "must have 1 to " + MAX_BUDGET_LINES + " lines");
        }
        for (int i = 0; i < command.budget().size(); i++) {
            Bounds.fen(command.budget().get(i).amountFen(), "budget[" + i + "].amountFen");
        }
        long budgeted = command.budget().stream().mapToLong(BudgetLine::amountFen).reduce(0, Math::addExact);
        if (budgeted != command.awardFen()) {
            throw new RuleViolationException("budget.total-equals-award",
                    "the budget adds up to " + budgeted + " fen, the award is " + command.awardFen() + " fen");
        }
        long cap = IndirectCostCap.capFen(IndirectCostCap.baseFen(command.budget()),
                command.rules().indirectCapBands());
        long indirect = IndirectCostCap.indirectFen(command.budget());
        if (indirect > cap) {
            throw new RuleViolationException("budget.indirect-cost-cap", "indirect costs of " + indirect
                    + " fen exceed the cap of " + cap + " fen (rules " + command.rules().version() + ")");
        }
        List<String> documents = stored(evidence, command.evidence());
        apply(new ProjectAwarded(command.projectId(), command.title(),
                new AwardRecipient(command.recipientCreditCode(), command.recipientPlatformId(),
                        List.copyOf(command.partnerPlatformIds())),
                new AwardMoney(command.awardFen(), command.coFundingFen()),
                new BudgetPlan(command.categoryScheme(), List.copyOf(command.budget()), cap,
                        command.rules().planFor(command.awardFen())),
                new BalanceRules(command.rules().balanceOnPass(), command.rules().balanceOtherwise()),
                new AwardDecision(command.callId(), command.applicationId(), command.rules().version(),
                        command.documentRef(), command.awardedOn(), documents)));
    }

    @CommandHandler
    void handle(SignContract command) {
        if (book.status != ProjectStatus.AWARDED) {
            throw new RuleViolationException("contract.already-signed", "the contract is already signed");
        }
        LifecycleDates.notBefore(command.signedOn(), "signedOn", book.awardedOn, "the award", "contract.before-award");
        apply(new ContractSigned(projectId, command.contractRef(), command.signedOn()));
        ReportingParameters.Version reporting = command.reporting();
        if (reporting != null) {
            apply(new ReportingScheduleSet(projectId, book.recipientCreditCode, reporting.version(),
                    command.signedOn(), reporting.remindDaysBefore(), reporting.graceDays(),
                    reporting.resubmitWithinDays(), reporting.escalateAfterDays(),
                    reporting.proposeSuspensionAfterDays(), reporting.holdAcrossRecipient(),
                    reporting.scheduleFrom(command.signedOn())));
        }
    }

    @CommandHandler
    void handle(RecordMidTermCheck command) {
        requireActive("mid-term check");
        if (book.midTermPassedOn != null) {
            throw new RuleViolationException("mid-term.already-passed", "the mid-term check was already passed");
        }
        LifecycleDates.notBefore(command.checkedOn(), "checkedOn", book.contractSignedOn, "the contract",
                "mid-term.before-contract");
        apply(new MidTermCheckRecorded(projectId, command.passed(), command.documentRef(), command.note(),
                command.checkedOn()));
    }

    @CommandHandler
    void handle(RecordAcceptance command) {
        requireActive("acceptance");
        if (book.midTermPassedOn == null) {
            throw new RuleViolationException("milestone.out-of-order",
                    "acceptance comes after a passed mid-term check");
        }
        if (book.acceptancePassed != null) {
            throw new RuleViolationException("acceptance.already-recorded", "the acceptance is already recorded");
        }
        LifecycleDates.notBefore(command.acceptedOn(), "acceptedOn", book.midTermPassedOn, "the passed mid-term check",
                "acceptance.before-mid-term");
        apply(new AcceptanceRecorded(projectId, command.passed(), command.documentRef(), command.note(),
                command.acceptedOn()));
    }

    /**
     * A payment of (part of) a tranche whose milestone is accepted. Above the approval threshold in force it is a
     * request ({@code DisbursementRequested}) that a second person approves; pending requests reserve their amounts,
     * so two requests never promise more than the tranche or the award.
     */
    /** Says {@value #PAID} or {@value #AWAITING_APPROVAL}. */
    @CommandHandler
    String handle(DisburseTranche command, Evidence evidence, RecipientHolds holds) {
        requirePayable();
        requireNoReportOverdue(command.disbursedOn(), holds);
        ProjectBook.TrancheState tranche = book.tranches.get(command.trancheNumber());
        if (tranche == null) {
            throw new InvalidInputException("trancheNumber", "the project has tranches 1 to " + book.tranches.size());
        }
        Milestone milestone = tranche.plan().milestone();
        if (!book.milestoneAccepted(milestone)) {
            throw new RuleViolationException("disbursement.milestone-not-accepted",
                    "tranche " + command.trancheNumber() + " is paid only after its milestone " + milestone
                            + " is accepted");
        }
        long reserved = book.reservedFen(command.trancheNumber());
        long remaining = tranche.plan().amountFen() - tranche.paidFen() - reserved;
        long amount = command.amountFen() == null ? remaining
                : Bounds.within(command.amountFen(), 1, Bounds.MAX_FEN, "amountFen");
        if (amount <= 0) {
            throw new RuleViolationException("disbursement.tranche-paid", "tranche " + command.trancheNumber()
                    + (reserved > 0 ? " is fully paid or requested (" + reserved + " fen await approval)"
                    : " is fully paid"));
        }
        long disbursedAfter = Math.addExact(Math.addExact(book.disbursedFen, book.reservedFen(0)), amount);
        if (disbursedAfter > book.awardFen) {
            throw new RuleViolationException("disbursement.exceeds-award", "paying " + amount + " fen would bring "
                    + "money out (paid and requested) to " + disbursedAfter + " fen, above the award of "
                    + book.awardFen);
        }
        if (amount > remaining) {
            throw new RuleViolationException("disbursement.exceeds-tranche", "tranche " + command.trancheNumber()
                    + " has " + remaining + " fen left to pay" + (reserved > 0 ? " (" + reserved
                    + " fen more await approval)" : ""));
        }
        LifecycleDates.notBefore(command.disbursedOn(), "disbursedOn", book.milestoneAcceptedOn(milestone),
                "the acceptance of milestone " + milestone, "disbursement.before-milestone");
        PaymentApprovalParameters.Version approval = command.approval();
        if (approval == null) {
            throw new IllegalArgumentException("a disbursement names the payment approval rules in force");
        }
        List<String> documents = stored(evidence, command.evidence());
        if (approval.needsApproval(amount)) {
            if (command.requestId() == null || command.requestedBy() == null) {
                throw new IllegalArgumentException("a disbursement request needs its id and its requester");
            }
            apply(new DisbursementRequested(projectId, command.requestId(), command.trancheNumber(), milestone, amount,
                    command.documentRef(), command.reason(), command.requestedBy(), command.disbursedOn(),
                    command.disbursedOn().plusDays(approval.expiresAfterDays()), approval.version(),
                    book.parameterVersion, documents));
            return AWAITING_APPROVAL;
        }
        apply(new TrancheDisbursed(projectId, command.trancheNumber(), milestone, amount, book.recipientCreditCode,
                book.recipientPlatformId, command.documentRef(), command.reason(), book.parameterVersion,
                command.disbursedOn(), null, command.requestedBy(), null, documents));
        return PAID;
    }

    /**
     * The second person approves a request: never its requester, at the request's level or above, within their
     * delegation limit, before it expires, while the project may still be paid. Approval pays the tranche.
     * Called by {@link PaymentApprovalHandler}, which loads the approver's delegation in the same unit of work.
     */
    void approve(ApproveDisbursement command, ApproverDelegation.Delegation delegation, RecipientHolds holds) {
        ProjectBook.PaymentRequest request = pendingRequest(command.requestId());
        if (request.requestedBy().equals(command.approver())) {
            throw new RuleViolationException("approval.own-request",
                    "the requester of a payment never approves it: a second person does");
        }
        if (command.approvedOn().isAfter(request.expiresOn())) {
            throw new RuleViolationException("approval.request-expired", "the request expired on "
                    + request.expiresOn() + ": request the payment again");
        }
        if (delegation.level() < request.level()) {
            throw new RuleViolationException("approval.level-too-low", "the request waits at level "
                    + request.level() + "; your delegation is at level " + delegation.level());
        }
        if (delegation.limitFen() < request.amountFen()) {
            throw new RuleViolationException("approval.beyond-delegation-limit", "the request is for "
                    + request.amountFen() + " fen; your delegation limit is " + delegation.limitFen()
                    + " fen: escalate it to the next level");
        }
        requirePayable();
        requireNoReportOverdue(command.approvedOn(), holds);
        LifecycleDates.notBefore(command.approvedOn(), "approvedOn", request.requestedOn(), "the request",
                "approval.before-request");
        ProjectBook.TrancheState tranche = book.tranches.get(request.trancheNumber());
        apply(new DisbursementApproved(projectId, request.requestId(), command.approver(), delegation.level(),
                delegation.limitFen(), delegation.version(), command.note(), command.approvedOn()));
        apply(new TrancheDisbursed(projectId, request.trancheNumber(), tranche.plan().milestone(), request.amountFen(),
                book.recipientCreditCode, book.recipientPlatformId, request.documentRef(), request.reason(),
                book.parameterVersion, command.approvedOn(), request.requestId(), request.requestedBy(),
                command.approver(), request.evidence()));
    }

    @CommandHandler
    void handle(RejectDisbursement command) {
        ProjectBook.PaymentRequest request = pendingRequest(command.requestId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "a rejection records its reason");
        }
        LifecycleDates.notBefore(command.rejectedOn(), "rejectedOn", request.requestedOn(), "the request",
                "rejection.before-request");
        apply(new DisbursementRejected(projectId, request.requestId(), command.rejectedBy(), command.reason(),
                command.rejectedOn()));
    }

    @CommandHandler
    void handle(EscalateDisbursement command) {
        ProjectBook.PaymentRequest request = pendingRequest(command.requestId());
        if (request.requestedBy().equals(command.escalatedBy())) {
            throw new RuleViolationException("approval.own-request", "the requester does not escalate their own "
                    + "request: an approver does");
        }
        if (request.level() >= ApproverDelegation.MAX_LEVEL) {
            throw new RuleViolationException("approval.no-higher-level", "the request is at the highest level "
                    + request.level());
        }
        LifecycleDates.notBefore(command.escalatedOn(), "escalatedOn", request.requestedOn(), "the request",
                "escalation.before-request");
        apply(new DisbursementEscalated(projectId, request.requestId(), command.escalatedBy(), request.level() + 1,
                command.reason(), command.escalatedOn()));
    }

    @CommandHandler
    void handle(ExpireDisbursementRequest command) {
        ProjectBook.PaymentRequest request = pendingRequest(command.requestId());
        if (!command.today().isAfter(request.expiresOn())) {
            throw new RuleViolationException("approval.not-expired", "the request waits until " + request.expiresOn());
        }
        apply(new DisbursementRequestExpired(projectId, request.requestId(), request.expiresOn(), command.today()));
    }

    private ProjectBook.PaymentRequest pendingRequest(String requestId) {
        ProjectBook.PaymentRequest request = book.requests.get(requestId);
        if (request == null) {
            throw new InvalidInputException("requestId", "is not a disbursement request of this project");
        }
        if (request.status() != ProjectBook.RequestStatus.PENDING) {
            throw new RuleViolationException("approval.not-pending", "the request is already "
                    + request.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        return request;
    }

    private void requirePayable() {
        switch (book.status) {
            case SUSPENDED -> throw new RuleViolationException("disbursement.project-suspended",
                    "the project is suspended: nothing is paid to it");
            case TERMINATED -> throw new RuleViolationException("disbursement.project-terminated",
                    "the project is terminated: nothing is paid to it");
            case CLOSED -> throw closed();
            default -> {
            }
        }
    }

    @CommandHandler
    void handle(RecordExpenditure command, Evidence evidence) {
        requireActive("expenditure");
        ProjectBook.Category category = category(command.category(), "category");
        Bounds.within(command.amountFen(), 1, Bounds.MAX_FEN, "amountFen");
        if (Math.addExact(category.spentFen(), command.amountFen()) > category.budgetFen()) {
            throw new RuleViolationException("expenditure.exceeds-category-budget", "category "
                    + command.category() + " has " + (category.budgetFen() - category.spentFen())
                    + " fen of budget left");
        }
        if (command.amountFen() > book.balanceFen()) {
            throw new RuleViolationException("expenditure.exceeds-funds-received",
                    "the project holds " + book.balanceFen() + " fen of disbursed funds");
        }
        LifecycleDates.notBefore(command.spentOn(), "spentOn", book.contractSignedOn, "the contract",
                "expenditure.before-contract");
        List<String> vouchers = Evidence.normalised(command.evidence(), "evidence");
        evidence.claimInvoices(projectId, command.expenditureId(), vouchers, "evidence");
        apply(new ExpenditureRecorded(projectId, command.expenditureId(), command.category(), command.amountFen(),
                command.voucherRef(), command.purpose(), book.parameterVersion, command.spentOn(), vouchers));
    }

    /**
     * Budget adjustment (预算调剂): between direct categories other than equipment it is the project's own decision
     * with a reason; any change of equipment needs the host unit's approval; indirect costs never increase.
     */
    @CommandHandler
    void handle(AdjustBudget command, Evidence evidence) {
        requireActive("budget adjustment");
        ProjectBook.Category from = category(command.fromCategory(), "fromCategory");
        ProjectBook.Category to = category(command.toCategory(), "toCategory");
        if (from.code().equals(to.code())) {
            throw new InvalidInputException("toCategory", "must differ from fromCategory");
        }
        Bounds.within(command.amountFen(), 1, Bounds.MAX_FEN, "amountFen");
        if (to.kind() == CategoryKind.INDIRECT) {
            throw new RuleViolationException("budget.indirect-never-increases", "indirect costs never increase");
        }
        boolean equipment = from.kind() == CategoryKind.EQUIPMENT || to.kind() == CategoryKind.EQUIPMENT;
        boolean hostApprovalNamed = command.hostApprovalRef() != null && !command.hostApprovalRef().isBlank();
        if (equipment && !hostApprovalNamed && command.evidence().isEmpty()) {
            throw new RuleViolationException("budget.equipment-needs-host-approval",
                    "changing the equipment budget needs the host unit's approval (hostApprovalRef or its document)");
        }
        if (from.budgetFen() - command.amountFen() < from.spentFen()) {
            throw new RuleViolationException("budget.below-spent", "category " + from.code() + " has spent "
                    + from.spentFen() + " fen: its budget cannot go below that");
        }
        LifecycleDates.notBefore(command.adjustedOn(), "adjustedOn", book.contractSignedOn, "the contract",
                "adjustment.before-contract");
        List<String> documents = stored(evidence, command.evidence());
        apply(new BudgetAdjusted(projectId, from.code(), to.code(), command.amountFen(), command.reason(),
                equipment ? command.hostApprovalRef() : null, book.parameterVersion, command.adjustedOn(),
                documents));
    }

    @CommandHandler
    void handle(SuspendProject command) {
        if (book.status != ProjectStatus.ACTIVE && book.status != ProjectStatus.AWARDED) {
            throw new RuleViolationException("project.not-suspendable", "a " + book.status
                    + " project cannot be suspended");
        }
        LifecycleDates.notBefore(command.suspendedOn(), "suspendedOn", book.awardedOn, "the award",
                "suspension.before-award");
        LifecycleDates.notBefore(command.suspendedOn(), "suspendedOn", book.resumedOn, "the last resumption",
                "suspension.before-resumption");
        apply(new ProjectSuspended(projectId, command.reason(), command.documentRef(), command.suspendedOn()));
    }

    @CommandHandler
    void handle(ResumeProject command) {
        if (book.status != ProjectStatus.SUSPENDED) {
            throw new RuleViolationException("project.not-suspended", "only a suspended project resumes");
        }
        LifecycleDates.notBefore(command.resumedOn(), "resumedOn", book.suspendedOn, "the suspension",
                "resumption.before-suspension");
        apply(new ProjectResumed(projectId, command.reason(), command.documentRef(), command.resumedOn()));
    }

    @CommandHandler
    void handle(TerminateProject command, Evidence evidence, RecipientHolds holds) {
        if (book.status == ProjectStatus.TERMINATED || book.status == ProjectStatus.CLOSED) {
            throw new RuleViolationException("project.already-ended", "the project is already " + book.status);
        }
        Bounds.fen(command.recoveryOrderedFen(), "recoveryOrderedFen");
        if (command.recoveryOrderedFen() > book.balanceFen()) {
            throw new RuleViolationException("recovery.exceeds-unspent-balance", "the recipient holds "
                    + book.balanceFen() + " fen of unspent funds; that is the most that can be recovered");
        }
        LifecycleDates.notBefore(command.terminatedOn(), "terminatedOn", book.awardedOn, "the award",
                "termination.before-award");
        LifecycleDates.notBefore(command.terminatedOn(), "terminatedOn", book.lastMoneyOn,
                "the project's last money event", "termination.before-last-money-event");
        LifecycleDates.notBefore(command.terminatedOn(), "terminatedOn", book.suspendedOn, "the suspension",
                "termination.before-suspension");
        List<String> documents = stored(evidence, command.evidence());
        apply(new ProjectTerminated(projectId, command.reason(), command.documentRef(), command.recoveryOrderedFen(),
                book.parameterVersion, command.terminatedOn(), documents));
        liftHolds(command.terminatedOn(), "PROJECT_TERMINATED", holds);
    }

    @CommandHandler
    void handle(RecoverFunds command, Evidence evidence) {
        if (book.status != ProjectStatus.TERMINATED) {
            throw new RuleViolationException("recovery.project-not-terminated",
                    "funds are recovered from a terminated project only");
        }
        Bounds.within(command.amountFen(), 1, Bounds.MAX_FEN, "amountFen");
        if (command.amountFen() > book.recoveryOutstandingFen()) {
            throw new RuleViolationException("recovery.exceeds-order", "the recovery order has "
                    + book.recoveryOutstandingFen() + " fen outstanding");
        }
        LifecycleDates.notBefore(command.recoveredOn(), "recoveredOn", book.terminatedOn, "the termination",
                "recovery.before-termination");
        List<String> documents = stored(evidence, command.evidence());
        apply(new FundsRecovered(projectId, command.amountFen(), book.recipientCreditCode, book.recipientPlatformId,
                command.documentRef(), book.parameterVersion, command.recoveredOn(), documents));
    }

    /**
     * Closure settles the balance (结余): retained by the unit for research after passing acceptance, otherwise
     * returned (both by the parameter version of the project).
     */
    @CommandHandler
    void handle(CloseProject command, Evidence evidence, RecipientHolds holds) {
        if (book.status == ProjectStatus.CLOSED) {
            throw closed();
        }
        String outcome;
        if (book.status == ProjectStatus.TERMINATED) {
            if (book.recoveryOutstandingFen() > 0) {
                throw new RuleViolationException("close.recovery-outstanding", book.recoveryOutstandingFen()
                        + " fen of the recovery order are still outstanding");
            }
            outcome = "TERMINATED";
        } else if (book.acceptancePassed == null || book.status != ProjectStatus.ACTIVE) {
            throw new RuleViolationException("close.not-ready",
                    "a project closes after its acceptance review or its termination");
        } else {
            outcome = book.acceptancePassed ? "ACCEPTED" : "NOT_ACCEPTED";
        }
        String disposition = "ACCEPTED".equals(outcome) ? book.balanceOnPass : book.balanceOtherwise;
        LocalDate last = latest(book.acceptanceRecordedOn, book.terminatedOn, book.lastMoneyOn);
        LifecycleDates.notBefore(command.closedOn(), "closedOn", last, "the acceptance, termination or last money event",
                "closure.before-last-step");
        List<String> documents = stored(evidence, command.evidence());
        apply(new ProjectClosed(projectId, outcome, book.recipientCreditCode, book.recipientPlatformId,
                book.balanceFen(), disposition, command.documentRef(), book.parameterVersion, command.closedOn(),
                documents));
        liftHolds(command.closedOn(), "PROJECT_CLOSED", holds);
    }

    // --- reporting obligations (项目报告义务) ---

    /**
     * While a report of this project is overdue (or, under a reporting version with {@code holdAcrossRecipient}, of
     * another project of the same recipient), nothing is paid: {@code disbursement.report-overdue}, naming the report
     * and its due date. The project's own obligations count from the day after due date plus grace, even before the
     * sweep has recorded it; another project's count from its recorded hold.
     */
    private void requireNoReportOverdue(LocalDate on, RecipientHolds holds) {
        book.holdingOn(on).ifPresent(o -> {
            throw new RuleViolationException("disbursement.report-overdue", "the " + o.kind().chinese() + " ("
                    + o.kind().english() + ") " + o.obligationId() + " due on " + o.dueOn() + " is overdue: nothing "
                    + "is paid to the project until the report is accepted (reporting rules " + book.reporting.version()
                    + ")");
        });
        if (book.reporting != null && book.reporting.holdAcrossRecipient()) {
            List<RecipientHolds.Hold> elsewhere = holds.openElsewhere(book.recipientCreditCode, projectId);
            if (!elsewhere.isEmpty()) {
                RecipientHolds.Hold first = elsewhere.get(0);
                throw new RuleViolationException("disbursement.report-overdue", "the " + first.kind().chinese()
                        + " (" + first.kind().english() + ") " + first.obligationId() + " of project "
                        + first.projectId() + " of the same recipient, due on " + first.dueOn() + ", is overdue: "
                        + "nothing is paid to any project of the recipient until it is accepted (reporting rules "
                        + book.reporting.version() + ")");
            }
        }
    }

    @CommandHandler
    void handle(SubmitReport command, Evidence evidence) {
        ProjectBook.Obligation obligation = obligation(command.obligationId());
        requireReporting();
        switch (obligation.status()) {
            case SUBMITTED -> throw new RuleViolationException("report.already-submitted",
                    "the report waits for the officer's decision");
            case ACCEPTED -> throw new RuleViolationException("report.already-accepted",
                    "the report was accepted on " + obligation.acceptedOn());
            default -> {
            }
        }
        String document = command.documentSha256() == null ? null
                : Evidence.normalised(List.of(command.documentSha256()), "documentSha256").get(0);
        String reference = command.reference() == null || command.reference().isBlank() ? null
                : command.reference().trim();
        if (document == null && reference == null) {
            throw new InvalidInputException("reference", "is required unless documentSha256 names a stored document");
        }
        if (reference != null && reference.length() > 200) {
            throw new InvalidInputException("reference", "is at most 200 characters");
        }
        if (document != null) {
            evidence.requireStored(List.of(document), "documentSha256");
        }
        LifecycleDates.notBefore(command.submittedOn(), "submittedOn", book.contractSignedOn, "the contract",
                "report.before-contract");
        apply(new ReportSubmitted(projectId, obligation.obligationId(), obligation.kind(), obligation.cycle(),
                document, reference, command.submittedBy(), command.submittedOn()));
    }

    /** Accepting a report lifts its hold by itself. */
    @CommandHandler
    void handle(AcceptReport command, RecipientHolds holds) {
        ProjectBook.Obligation obligation = submitted(command.obligationId());
        LifecycleDates.notBefore(command.acceptedOn(), "acceptedOn", obligation.submittedOn(), "the submission",
                "report.decision-before-submission");
        apply(new ReportAccepted(projectId, obligation.obligationId(), obligation.kind(), obligation.dueOn(),
                command.acceptedBy(), command.note(), command.acceptedOn()));
        if (obligation.onHold()) {
            holds.lifted(projectId, obligation.obligationId());
            apply(new DisbursementHoldLifted(projectId, book.recipientCreditCode, obligation.obligationId(),
                    obligation.kind(), obligation.dueOn(), obligation.holdStartedOn(), command.acceptedOn(),
                    "REPORT_ACCEPTED"));
        }
    }

    /** A returned report is due again {@code resubmitWithinDays} after the return; an open hold stays open. */
    @CommandHandler
    void handle(ReturnReport command) {
        ProjectBook.Obligation obligation = submitted(command.obligationId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "a returned report records its reason");
        }
        LifecycleDates.notBefore(command.returnedOn(), "returnedOn", obligation.submittedOn(), "the submission",
                "report.decision-before-submission");
        apply(new ReportReturned(projectId, obligation.obligationId(), obligation.kind(), command.reason().trim(),
                command.returnedBy(), command.returnedOn(),
                command.returnedOn().plusDays(book.reporting.resubmitWithinDays()), obligation.cycle() + 1,
                book.reporting.version()));
    }

    /**
     * What {@code today} brings to the project's reports, each recorded once: the reminder of the current cycle
     * ({@code remindDaysBefore} before the due date, up to the due date), the overdue notice and the hold (from the
     * day after due date plus grace), the escalation to the supervisor role ({@code escalateAfterDays} after that) and
     * the suspension proposal ({@code proposeSuspensionAfterDays} after the escalation). A report waiting for the
     * officer's decision is neither reminded, nor made overdue, nor escalated. Says how many notices it recorded.
     */
    @CommandHandler
    int handle(ApplyReportingDeadlines command, RecipientHolds holds) {
        if (book.reporting == null || (book.status != ProjectStatus.ACTIVE && book.status != ProjectStatus.SUSPENDED)) {
            return 0;
        }
        ProjectBook.Reporting rules = book.reporting;
        LocalDate today = command.today();
        NoticeRecipient enterprise = NoticeRecipient.enterprise(book.recipientCreditCode);
        int recorded = 0;
        for (String id : List.copyOf(book.obligations.keySet())) {
            ProjectBook.Obligation o = book.obligations.get(id);
            if (o.status() != ProjectBook.ObligationStatus.DUE) {
                continue;
            }
            if (o.remindedCycle() < o.cycle() && !today.isAfter(o.dueOn())
                    && !today.isBefore(o.dueOn().minusDays(rules.remindDaysBefore()))) {
                apply(new ReportReminderIssued(ReportingObligations.noticeId(projectId, id, o.cycle(), "REMINDER"),
                        projectId, book.title, enterprise, id, o.kind(), o.cycle(), o.dueOn(),
                        (int) ChronoUnit.DAYS.between(today, o.dueOn()), today, rules.version()));
                recorded++;
            }
            LocalDate overdueFrom = book.overdueFrom(o);
            if (o.overdueOn() == null && !today.isBefore(overdueFrom)) {
                apply(new ReportOverdue(ReportingObligations.noticeId(projectId, id, o.cycle(), "OVERDUE"), projectId,
                        book.title, enterprise, id, o.kind(), o.cycle(), o.dueOn(), rules.graceDays(), overdueFrom,
                        today, rules.version()));
                holds.started(new RecipientHolds.Hold(projectId, book.recipientCreditCode, id, o.kind(), o.dueOn(),
                        overdueFrom));
                apply(new DisbursementHoldStarted(projectId, book.recipientCreditCode, id, o.kind(), o.dueOn(),
                        overdueFrom, rules.version()));
                recorded++;
            }
            o = book.obligations.get(id);
            if (o.overdueOn() == null) {
                continue;
            }
            LocalDate escalateOn = o.overdueOn().plusDays(rules.escalateAfterDays());
            if (o.escalatedOn() == null && !today.isBefore(escalateOn)) {
                apply(new ReportOverdueEscalated(ReportingObligations.noticeId(projectId, id, o.cycle(), "ESCALATION"),
                        projectId, book.title, NoticeRecipient.role(ReportingObligations.SUPERVISOR_ROLE),
                        book.recipientCreditCode, id, o.kind(), o.dueOn(), o.overdueOn(),
                        (int) ChronoUnit.DAYS.between(o.dueOn(), today), today, rules.version()));
                recorded++;
            }
            o = book.obligations.get(id);
            if (o.escalatedOn() != null && o.suspensionProposedOn() == null && book.status == ProjectStatus.ACTIVE
                    && !today.isBefore(escalateOn.plusDays(rules.proposeSuspensionAfterDays()))) {
                apply(new SuspensionProposed(ReportingObligations.noticeId(projectId, id, o.cycle(),
                        "SUSPENSION_PROPOSAL"), projectId, book.title,
                        NoticeRecipient.role(ReportingObligations.OFFICER_ROLE), book.recipientCreditCode, id,
                        o.kind(), o.dueOn(), o.overdueOn(), (int) ChronoUnit.DAYS.between(o.dueOn(), today), today,
                        rules.version()));
                recorded++;
            }
        }
        return recorded;
    }

    /** A project that ends holds nothing of its recipient any more: its open holds are lifted. */
    private void liftHolds(LocalDate on, String reason, RecipientHolds holds) {
        for (ProjectBook.Obligation o : List.copyOf(book.obligations.values())) {
            if (o.onHold()) {
                holds.lifted(projectId, o.obligationId());
                apply(new DisbursementHoldLifted(projectId, book.recipientCreditCode, o.obligationId(), o.kind(),
                        o.dueOn(), o.holdStartedOn(), on, reason));
            }
        }
    }

    private void requireReporting() {
        switch (book.status) {
            case TERMINATED -> throw new RuleViolationException("project.terminated", "the project is terminated");
            case CLOSED -> throw closed();
            default -> {
            }
        }
    }

    private ProjectBook.Obligation obligation(String obligationId) {
        ProjectBook.Obligation obligation = obligationId == null ? null : book.obligations.get(obligationId);
        if (obligation == null) {
            throw new InvalidInputException("obligationId", "is not a report of this project's schedule"
                    + (book.obligations.isEmpty() ? " (it has none)" : ": " + book.obligations.keySet()));
        }
        return obligation;
    }

    private ProjectBook.Obligation submitted(String obligationId) {
        ProjectBook.Obligation obligation = obligation(obligationId);
        requireReporting();
        if (obligation.status() != ProjectBook.ObligationStatus.SUBMITTED) {
            throw new RuleViolationException("report.not-submitted", "the report is "
                    + obligation.status().name().toLowerCase(java.util.Locale.ROOT) + ": only a submitted report is "
                    + "accepted or returned");
        }
        return obligation;
    }

    /** The project's state is its books: they fold every event of the stream, the award included. */
    @EventSourcingHandler
    void on(ProjectAwarded event) {
        projectId = event.projectId();
    }

    private void requireActive(String what) {
        switch (book.status) {
            case ACTIVE -> {
            }
            case AWARDED -> throw new RuleViolationException("project.contract-not-signed",
                    what + " needs a signed contract");
            case SUSPENDED -> throw new RuleViolationException("project.suspended", "the project is suspended");
            case TERMINATED -> throw new RuleViolationException("project.terminated", "the project is terminated");
            case CLOSED -> throw closed();
        }
    }

    private ProjectBook.Category category(String code, String field) {
        ProjectBook.Category category = book.categories.get(code);
        if (category == null) {
            throw new InvalidInputException(field, "is not a category of this project's budget (scheme "
                    + book.categoryScheme + "): " + book.categories.keySet());
        }
        return category;
    }

    /** The command's evidence documents, each stored (else {@value Evidence#NOT_STORED}). */
    private static List<String> stored(Evidence evidence, List<String> documents) {
        List<String> hashes = Evidence.normalised(documents, "evidence");
        evidence.requireStored(hashes, "evidence");
        return hashes;
    }

    private static RuleViolationException closed() {
        return new RuleViolationException("project.closed", "the project is closed: nothing moves any more");
    }

    private static LocalDate latest(LocalDate... dates) {
        LocalDate latest = null;
        for (LocalDate date : dates) {
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }
        return latest;
    }
}
