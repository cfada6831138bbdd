package cn.gov.wenzhou.kjj.funding.command;

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

import org.axonframework.eventsourcing.EventSourcingHandler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The books of one project, folded from its events. The aggregate decides on it; the as-of query folds the same
 * events up to an instant, so "the state on a past date" is computed exactly as the decisions saw it.
 *
 * <p>Identities that hold after every event: award = disbursed + undisbursed; disbursed = spent + recovered + balance
 * (balance being what the recipient holds, settled at closure); per category, spent &le; budget. Every sum is exact
 * ({@code Math.addExact}): history holding amounts beyond the bounds fails to fold rather than wrap.
 */
public final class ProjectBook {

    String projectId;
    String callId;
    String title;
    String recipientCreditCode;
    String recipientPlatformId;
    ProjectStatus status;
    String parameterVersion;
    String categoryScheme;
    String balanceOnPass;
    String balanceOtherwise;
    long awardFen;
    long coFundingFen;
    long indirectCapFen;
    long disbursedFen;
    long spentFen;
    long recoveredFen;
    long recoveryOrderedFen;
    long settledBalanceFen;
    String balanceDisposition;
    String outcome;
    LocalDate awardedOn;
    LocalDate contractSignedOn;
    LocalDate midTermPassedOn;
    LocalDate acceptanceRecordedOn;
    Boolean acceptancePassed;
    LocalDate terminatedOn;
    LocalDate closedOn;
    /** The last suspension and the last resumption: the next one follows them. */
    LocalDate suspendedOn;
    LocalDate resumedOn;
    LocalDate lastMoneyOn;
    final Map<String, Category> categories = new LinkedHashMap<>();
    final Map<Integer, TrancheState> tranches = new LinkedHashMap<>();
    /** Disbursement requests by id; a pending one reserves its amount on its tranche. */
    final Map<String, PaymentRequest> requests = new LinkedHashMap<>();
    /** The reporting rules of the contract; null for a project contracted before reporting obligations existed. */
    Reporting reporting;
    /** The reports owed, by obligation id, in due-date order of the schedule. */
    final Map<String, Obligation> obligations = new LinkedHashMap<>();

    /**
     * The typed fold of each event the books keep, read from the handlers below: the as-of query folds a stored stream
     * exactly as the aggregate does, from one list.
     */
    private static final Map<Class<?>, Method> FOLDS = Arrays.stream(ProjectBook.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
            .collect(Collectors.toUnmodifiableMap(method -> method.getParameterTypes()[0], method -> method));

    /** Jackson (snapshots) and the fold. */
    public ProjectBook() {
    }

    public static ProjectBook of(Iterable<?> events) {
        ProjectBook book = new ProjectBook();
        for (Object event : events) {
            book.apply(event);
        }
        return book;
    }

    /**
     * Folds one event of the project's stream through its {@link EventSourcingHandler}, as the aggregate does; an event
     * the books do not keep changes nothing.
     */
    public void apply(Object event) {
        Method fold = FOLDS.get(event.getClass());
        if (fold == null) {
            return;
        }
        try {
            fold.invoke(this, event);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventSourcingHandler
    void on(ProjectAwarded e) {
        projectId = e.projectId();
        callId = e.decision().callId();
        title = e.title();
        recipientCreditCode = e.recipient().creditCode();
        recipientPlatformId = e.recipient().platformId();
        status = ProjectStatus.AWARDED;
        parameterVersion = e.decision().parameterVersion();
        categoryScheme = e.budget().categoryScheme();
        balanceOnPass = e.balance().onPass();
        balanceOtherwise = e.balance().otherwise();
        awardFen = e.money().awardFen();
        coFundingFen = e.money().coFundingFen();
        indirectCapFen = e.budget().indirectCapFen();
        awardedOn = e.decision().awardedOn();
        e.budget().lines().forEach(line -> categories.put(line.category(),
                new Category(line.category(), line.kind(), line.amountFen(), 0)));
        e.budget().tranches().forEach(t -> tranches.put(t.number(), new TrancheState(t, 0)));
    }

    @EventSourcingHandler
    void on(ContractSigned e) {
        status = ProjectStatus.ACTIVE;
        contractSignedOn = e.signedOn();
    }

    @EventSourcingHandler
    void on(MidTermCheckRecorded e) {
        if (e.passed()) {
            midTermPassedOn = e.checkedOn();
        }
    }

    @EventSourcingHandler
    void on(AcceptanceRecorded e) {
        acceptanceRecordedOn = e.acceptedOn();
        acceptancePassed = e.passed();
    }

    @EventSourcingHandler
    void on(TrancheDisbursed e) {
        disbursedFen = Math.addExact(disbursedFen, e.amountFen());
        TrancheState tranche = tranches.get(e.trancheNumber());
        tranches.put(e.trancheNumber(), new TrancheState(tranche.plan(),
                Math.addExact(tranche.paidFen(), e.amountFen())));
        lastMoneyOn = e.disbursedOn();
    }

    @EventSourcingHandler
    void on(ProjectEvents.DisbursementRequested e) {
        requests.put(e.requestId(), new PaymentRequest(e.requestId(), e.trancheNumber(), e.amountFen(),
                e.documentRef(), e.reason(), e.requestedBy(), e.requestedOn(), e.expiresOn(), 1,
                RequestStatus.PENDING, e.evidence()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.DisbursementEscalated e) {
        requests.computeIfPresent(e.requestId(), (id, r) -> r.atLevel(e.toLevel()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.DisbursementApproved e) {
        requests.computeIfPresent(e.requestId(), (id, r) -> r.with(RequestStatus.APPROVED));
    }

    @EventSourcingHandler
    void on(ProjectEvents.DisbursementRejected e) {
        requests.computeIfPresent(e.requestId(), (id, r) -> r.with(RequestStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(ProjectEvents.DisbursementRequestExpired e) {
        requests.computeIfPresent(e.requestId(), (id, r) -> r.with(RequestStatus.EXPIRED));
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded e) {
        spentFen = Math.addExact(spentFen, e.amountFen());
        Category category = categories.get(e.category());
        categories.put(e.category(), category.withSpent(Math.addExact(category.spentFen(), e.amountFen())));
        lastMoneyOn = e.spentOn();
    }

    @EventSourcingHandler
    void on(BudgetAdjusted e) {
        Category from = categories.get(e.fromCategory());
        Category to = categories.get(e.toCategory());
        categories.put(from.code(), from.withBudget(Math.subtractExact(from.budgetFen(), e.amountFen())));
        categories.put(to.code(), to.withBudget(Math.addExact(to.budgetFen(), e.amountFen())));
    }

    @EventSourcingHandler
    void on(ProjectSuspended e) {
        status = ProjectStatus.SUSPENDED;
        suspendedOn = e.suspendedOn();
    }

    @EventSourcingHandler
    void on(ProjectResumed e) {
        status = ProjectStatus.ACTIVE;
        resumedOn = e.resumedOn();
    }

    @EventSourcingHandler
    void on(ProjectTerminated e) {
        status = ProjectStatus.TERMINATED;
        terminatedOn = e.terminatedOn();
        recoveryOrderedFen = e.recoveryOrderedFen();
    }

    @EventSourcingHandler
    void on(FundsRecovered e) {
        recoveredFen = Math.addExact(recoveredFen, e.amountFen());
        lastMoneyOn = e.recoveredOn();
    }

    @EventSourcingHandler
    void on(ProjectEvents.ReportingScheduleSet e) {
        reporting = new Reporting(e.reportingVersion(), e.remindDaysBefore(), e.graceDays(),
                e.resubmitWithinDays(), e.escalateAfterDays(), e.proposeSuspensionAfterDays(),
                e.holdAcrossRecipient());
        e.obligations().forEach(o -> obligations.put(o.obligationId(), Obligation.due(o)));
    }

    @EventSourcingHandler
    void on(ProjectEvents.ReportSubmitted e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.submitted(e.submittedOn()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.ReportAccepted e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.accepted(e.acceptedOn()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.ReportReturned e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.returned(e.nextDueOn(), e.nextCycle()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.ReportReminderIssued e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.reminded(e.cycle()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.ReportOverdue e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.overdue(e.overdueOn()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.DisbursementHoldStarted e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.hold(e.startedOn(), null));
    }

    @EventSourcingHandler
    void on(ProjectEvents.DisbursementHoldLifted e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.hold(o.holdStartedOn(), e.liftedOn()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.ReportOverdueEscalated e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.escalated(e.escalatedOn()));
    }

    @EventSourcingHandler
    void on(ProjectEvents.SuspensionProposed e) {
        obligations.computeIfPresent(e.obligationId(), (id, o) -> o.proposed(e.proposedOn()));
    }

    @EventSourcingHandler
    void on(ProjectClosed e) {
        status = ProjectStatus.CLOSED;
        outcome = e.outcome();
        settledBalanceFen = e.balanceFen();
        balanceDisposition = e.disposition();
        closedOn = e.closedOn();
    }

    /** What the recipient holds of the special fund: received, not spent, not recovered. */
    public long balanceFen() {
        return Math.subtractExact(Math.subtractExact(disbursedFen, spentFen), recoveredFen);
    }

    public long undisbursedFen() {
        return awardFen - disbursedFen;
    }

    public long recoveryOutstandingFen() {
        return recoveryOrderedFen - recoveredFen;
    }

    public boolean milestoneAccepted(Milestone milestone) {
        return milestoneAcceptedOn(milestone) != null;
    }

    public LocalDate milestoneAcceptedOn(Milestone milestone) {
        return switch (milestone) {
            case CONTRACT -> contractSignedOn;
            case MID_TERM -> midTermPassedOn;
            case ACCEPTANCE -> Boolean.TRUE.equals(acceptancePassed) ? acceptanceRecordedOn : null;
        };
    }

    public Snapshot snapshot() {
        List<CategorySnapshot> lines = new ArrayList<>();
        categories.values().forEach(c -> lines.add(new CategorySnapshot(c.code(), c.kind(), c.budgetFen(),
                c.spentFen(), c.budgetFen() - c.spentFen())));
        List<TrancheSnapshot> plan = new ArrayList<>();
        tranches.values().forEach(t -> plan.add(new TrancheSnapshot(t.plan().number(), t.plan().milestone(),
                t.plan().amountFen(), t.paidFen(), milestoneAcceptedOn(t.plan().milestone()))));
        return new Snapshot(projectId, callId, title, recipientCreditCode, recipientPlatformId, status,
                parameterVersion, categoryScheme, awardFen, coFundingFen, disbursedFen, undisbursedFen(), spentFen,
                recoveredFen, recoveryOrderedFen, balanceFen(), balanceDisposition, outcome, awardedOn, closedOn,
                lines, plan);
    }

    /** A project's books at one point: every total, by category and by tranche. */
    public record Snapshot(String projectId, String callId, String title, String recipientCreditCode,
                           String recipientPlatformId, ProjectStatus status, String parameterVersion,
                           String categoryScheme, long awardFen, long coFundingFen, long disbursedFen,
                           long undisbursedFen, long spentFen, long recoveredFen, long recoveryOrderedFen,
                           long balanceFen, String balanceDisposition, String outcome, LocalDate awardedOn,
                           LocalDate closedOn, List<CategorySnapshot> categories, List<TrancheSnapshot> tranches) {
    }

    public record CategorySnapshot(String category, CategoryKind kind, long budgetFen, long spentFen,
                                   long availableFen) {
    }

    public record TrancheSnapshot(int number, Milestone milestone, long plannedFen, long paidFen,
                                  LocalDate milestoneAcceptedOn) {
    }

    record Category(String code, CategoryKind kind, long budgetFen, long spentFen) {
        Category withSpent(long spent) {
            return new Category(code, kind, budgetFen, spent);
        }

        Category withBudget(long budget) {
            return new Category(code, kind, budget, spentFen);
        }
    }

    record TrancheState(Tranche plan, long paidFen) {
    }

    enum RequestStatus { PENDING, APPROVED, REJECTED, EXPIRED }

    record PaymentRequest(String requestId, int trancheNumber, long amountFen, String documentRef, String reason,
                          String requestedBy, LocalDate requestedOn, LocalDate expiresOn, int level,
                          RequestStatus status, List<String> evidence) {

        PaymentRequest {
            // a snapshot taken before evidence documents existed has none
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        PaymentRequest with(RequestStatus next) {
            return new PaymentRequest(requestId, trancheNumber, amountFen, documentRef, reason, requestedBy,
                    requestedOn, expiresOn, level, next, evidence);
        }

        PaymentRequest atLevel(int next) {
            return new PaymentRequest(requestId, trancheNumber, amountFen, documentRef, reason, requestedBy,
                    requestedOn, expiresOn, next, status, evidence);
        }
    }

    /** The reporting numbers a contract was given (their version's name is recorded on every notice and hold). */
    record Reporting(String version, int remindDaysBefore, int graceDays, int resubmitWithinDays,
                     int escalateAfterDays, int proposeSuspensionAfterDays, boolean holdAcrossRecipient) {
    }

    enum ObligationStatus { DUE, SUBMITTED, ACCEPTED }

    /**
     * One report owed. {@code cycle} counts the times it fell due (a returned report starts the next cycle, with its
     * own reminder); {@code overdueOn} once set stays until the report is accepted, and so does the hold.
     */
    record Obligation(String obligationId, ReportKind kind, LocalDate dueOn, int cycle, ObligationStatus status,
                      int remindedCycle, LocalDate overdueOn, LocalDate holdStartedOn, LocalDate holdLiftedOn,
                      LocalDate escalatedOn, LocalDate suspensionProposedOn, LocalDate submittedOn,
                      LocalDate acceptedOn) {

        static Obligation due(ReportObligation o) {
            return new Obligation(o.obligationId(), o.kind(), o.dueOn(), 1, ObligationStatus.DUE, 0, null, null, null,
                    null, null, null, null);
        }

        boolean onHold() {
            return holdStartedOn != null && holdLiftedOn == null;
        }

        Obligation submitted(LocalDate on) {
            return new Obligation(obligationId, kind, dueOn, cycle, ObligationStatus.SUBMITTED, remindedCycle,
                    overdueOn, holdStartedOn, holdLiftedOn, escalatedOn, suspensionProposedOn, on, acceptedOn);
        }

        Obligation accepted(LocalDate on) {
            return new Obligation(obligationId, kind, dueOn, cycle, ObligationStatus.ACCEPTED, remindedCycle,
                    overdueOn, holdStartedOn, holdLiftedOn, escalatedOn, suspensionProposedOn, submittedOn, on);
        }

        Obligation returned(LocalDate nextDue, int nextCycle) {
            return new Obligation(obligationId, kind, nextDue, nextCycle, ObligationStatus.DUE, remindedCycle,
                    overdueOn, holdStartedOn, holdLiftedOn, escalatedOn, suspensionProposedOn, submittedOn,
                    acceptedOn);
        }

        Obligation reminded(int forCycle) {
            return new Obligation(obligationId, kind, dueOn, cycle, status, forCycle, overdueOn, holdStartedOn,
                    holdLiftedOn, escalatedOn, suspensionProposedOn, submittedOn, acceptedOn);
        }

        Obligation overdue(LocalDate on) {
            return new Obligation(obligationId, kind, dueOn, cycle, status, remindedCycle, on, holdStartedOn,
                    holdLiftedOn, escalatedOn, suspensionProposedOn, submittedOn, acceptedOn);
        }

        Obligation hold(LocalDate started, LocalDate lifted) {
            return new Obligation(obligationId, kind, dueOn, cycle, status, remindedCycle, overdueOn, started, lifted,
                    escalatedOn, suspensionProposedOn, submittedOn, acceptedOn);
        }

        Obligation escalated(LocalDate on) {
            return new Obligation(obligationId, kind, dueOn, cycle, status, remindedCycle, overdueOn, holdStartedOn,
                    holdLiftedOn, on, suspensionProposedOn, submittedOn, acceptedOn);
        }

        Obligation proposed(LocalDate on) {
            return new Obligation(obligationId, kind, dueOn, cycle, status, remindedCycle, overdueOn, holdStartedOn,
                    holdLiftedOn, escalatedOn, on, submittedOn, acceptedOn);
        }
    }

    /** The first day an obligation still owed is overdue: the day after its due date plus the grace period. */
    LocalDate overdueFrom(Obligation obligation) {
        return obligation.dueOn().plusDays(reporting.graceDays() + 1L);
    }

    /**
     * The obligation that holds disbursements on {@code date}: one on hold, or one still owed past its due date and
     * grace period although no sweep has recorded it yet (the rule holds without waiting for the sweep).
     */
    java.util.Optional<Obligation> holdingOn(LocalDate date) {
        if (reporting == null) {
            return java.util.Optional.empty();
        }
        return obligations.values().stream()
                .filter(o -> o.onHold() || (o.status() == ObligationStatus.DUE && o.overdueOn() == null
                        && !date.isBefore(overdueFrom(o))))
                .min(java.util.Comparator.comparing(Obligation::dueOn));
    }

    /** What pending requests reserve: on one tranche, or (trancheNumber 0) on the whole award. */
    long reservedFen(int trancheNumber) {
        return requests.values().stream()
                .filter(r -> r.status() == RequestStatus.PENDING)
                .filter(r -> trancheNumber == 0 || r.trancheNumber() == trancheNumber)
                .mapToLong(PaymentRequest::amountFen).reduce(0, Math::addExact);
    }
}
