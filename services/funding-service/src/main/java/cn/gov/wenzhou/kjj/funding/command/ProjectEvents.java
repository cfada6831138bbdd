package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a funded project. Every decision records the parameter version it applied (the rules version the
 * project was awarded under) so that an auditor can tell which numbers were used.
 */
public sealed interface ProjectEvents {

    /**
     * A project awarded: who it funds, with how much, on which budget, what becomes of its balance, and the decision it
     * rests on. Revision 1 (stored without a revision until 2026-12-03) had the same facts as 19 positional components;
     * {@link ProjectAwardedUpcaster} reads it as this revision.
     */
    @Revision(ProjectAwarded.REVISION)
    public record ProjectAwarded(String projectId, String title, AwardRecipient recipient, AwardMoney money,
                                 BudgetPlan budget, BalanceRules balance, AwardDecision decision)
            implements ProjectEvents {

        public static final String REVISION = "2";
    }

    public record ContractSigned(String projectId, String contractRef, LocalDate signedOn) implements ProjectEvents {
    }

    public record MidTermCheckRecorded(String projectId, boolean passed, String documentRef, String note,
                                       LocalDate checkedOn) implements ProjectEvents {
    }

    public record AcceptanceRecorded(String projectId, boolean passed, String documentRef, String note,
                                     LocalDate acceptedOn) implements ProjectEvents {
    }

    /**
     * @param requestId   the approved request it pays (null: below the approval threshold, or before four-eyes
     *                    approval existed)
     * @param requestedBy who asked for the payment; {@code approvedBy} the second person who approved it
     */
    public record TrancheDisbursed(String projectId, int trancheNumber, Milestone milestone, long amountFen,
                                   String recipientCreditCode, String platformId, String documentRef, String reason,
                                   String parameterVersion, LocalDate disbursedOn, String requestId,
                                   String requestedBy, String approvedBy,
                                   List<String> evidence) implements ProjectEvents {

        public TrancheDisbursed {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public TrancheDisbursed(String projectId, int trancheNumber, Milestone milestone, long amountFen,
                String recipientCreditCode, String platformId, String documentRef, String reason,
                String parameterVersion, LocalDate disbursedOn, String requestId, String requestedBy,
                String approvedBy) {
            this(projectId, trancheNumber, milestone, amountFen, recipientCreditCode, platformId, documentRef, reason,
                    parameterVersion, disbursedOn, requestId, requestedBy, approvedBy, List.of());
        }
    }

    public record ExpenditureRecorded(String projectId, String expenditureId, String category, long amountFen,
                                      String voucherRef, String purpose, String parameterVersion, LocalDate spentOn,
                                      List<String> evidence) implements ProjectEvents {

        public ExpenditureRecorded {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public ExpenditureRecorded(String projectId, String expenditureId, String category, long amountFen,
                String voucherRef, String purpose, String parameterVersion, LocalDate spentOn) {
            this(projectId, expenditureId, category, amountFen, voucherRef, purpose, parameterVersion, spentOn,
                    List.of());
        }
    }

    /** @param hostApprovalRef the host unit's approval, required when equipment changes; else null */
    public record BudgetAdjusted(String projectId, String fromCategory, String toCategory, long amountFen,
                                 String reason, String hostApprovalRef, String parameterVersion,
                                 LocalDate adjustedOn,
                                 List<String> evidence) implements ProjectEvents {

        public BudgetAdjusted {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public BudgetAdjusted(String projectId, String fromCategory, String toCategory, long amountFen, String reason,
                String hostApprovalRef, String parameterVersion, LocalDate adjustedOn) {
            this(projectId, fromCategory, toCategory, amountFen, reason, hostApprovalRef, parameterVersion, adjustedOn,
                    List.of());
        }
    }

    public record ProjectSuspended(String projectId, String reason, String documentRef, LocalDate suspendedOn)
            implements ProjectEvents {
    }

    public record ProjectResumed(String projectId, String reason, String documentRef, LocalDate resumedOn)
            implements ProjectEvents {
    }

    public record ProjectTerminated(String projectId, String reason, String documentRef, long recoveryOrderedFen,
                                    String parameterVersion, LocalDate terminatedOn,
                                    List<String> evidence) implements ProjectEvents {

        public ProjectTerminated {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public ProjectTerminated(String projectId, String reason, String documentRef, long recoveryOrderedFen,
                String parameterVersion, LocalDate terminatedOn) {
            this(projectId, reason, documentRef, recoveryOrderedFen, parameterVersion, terminatedOn, List.of());
        }
    }

    public record FundsRecovered(String projectId, long amountFen, String recipientCreditCode, String platformId,
                                 String documentRef, String parameterVersion, LocalDate recoveredOn,
                                 List<String> evidence) implements ProjectEvents {

        public FundsRecovered {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public FundsRecovered(String projectId, long amountFen, String recipientCreditCode, String platformId,
                String documentRef, String parameterVersion, LocalDate recoveredOn) {
            this(projectId, amountFen, recipientCreditCode, platformId, documentRef, parameterVersion, recoveredOn,
                    List.of());
        }
    }

    /**
     * @param outcome     ACCEPTED, NOT_ACCEPTED or TERMINATED
     * @param balanceFen  disbursed minus spent minus recovered, settled at closure
     * @param disposition RETAINED (kept by the unit for research) or RETURNED (to the fund), by the parameter
     */
    public record ProjectClosed(String projectId, String outcome, String recipientCreditCode, String platformId,
                                long balanceFen, String disposition, String documentRef, String parameterVersion,
                                LocalDate closedOn,
                                List<String> evidence) implements ProjectEvents {

        public ProjectClosed {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public ProjectClosed(String projectId, String outcome, String recipientCreditCode, String platformId,
                long balanceFen, String disposition, String documentRef, String parameterVersion, LocalDate closedOn) {
            this(projectId, outcome, recipientCreditCode, platformId, balanceFen, disposition, documentRef,
                    parameterVersion, closedOn, List.of());
        }
    }

    // --- reporting obligations (stored as ReportingObligations$… until 2026-12-03: FundingEventRenames) ---

    /** The schedule a contract gets, with the numbers of the version it was taken from. */
    public record ReportingScheduleSet(String projectId, String recipientCreditCode, String reportingVersion,
                                       LocalDate contractSignedOn, int remindDaysBefore, int graceDays,
                                       int resubmitWithinDays, int escalateAfterDays, int proposeSuspensionAfterDays,
                                       boolean holdAcrossRecipient, List<ReportObligation> obligations)
            implements ProjectEvents {

        public ReportingScheduleSet {
            obligations = List.copyOf(obligations);
        }
    }

    public record ReportSubmitted(String projectId, String obligationId, ReportKind kind, int cycle,
                                  String documentSha256, String reference, String submittedBy,
                                  LocalDate submittedOn) implements ProjectEvents {
    }

    public record ReportAccepted(String projectId, String obligationId, ReportKind kind, LocalDate dueOn,
                                 String acceptedBy, String note, LocalDate acceptedOn) implements ProjectEvents {
    }

    /** @param nextDueOn the report is due again on this date ({@code resubmitWithinDays} after the return) */
    public record ReportReturned(String projectId, String obligationId, ReportKind kind, String reason,
                                 String returnedBy, LocalDate returnedOn, LocalDate nextDueOn, int nextCycle,
                                 String reportingVersion) implements ProjectEvents {
    }

    public record ReportReminderIssued(String noticeId, String projectId, String projectTitle,
                                       NoticeRecipient recipient, String obligationId, ReportKind kind, int cycle,
                                       LocalDate dueOn, int daysLeft, LocalDate remindedOn, String reportingVersion)
            implements ProjectEvents {
    }

    /** @param overdueOn the day after the due date plus the grace period: the obligation is overdue from then */
    public record ReportOverdue(String noticeId, String projectId, String projectTitle, NoticeRecipient recipient,
                                String obligationId, ReportKind kind, int cycle, LocalDate dueOn, int graceDays,
                                LocalDate overdueOn, LocalDate recordedOn, String reportingVersion)
            implements ProjectEvents {
    }

    /** Disbursements to the project are refused from {@code startedOn} until the report is accepted. */
    public record DisbursementHoldStarted(String projectId, String recipientCreditCode, String obligationId,
                                          ReportKind kind, LocalDate dueOn, LocalDate startedOn,
                                          String reportingVersion) implements ProjectEvents {
    }

    public record DisbursementHoldLifted(String projectId, String recipientCreditCode, String obligationId,
                                         ReportKind kind, LocalDate dueOn, LocalDate startedOn, LocalDate liftedOn,
                                         String reason) implements ProjectEvents {
    }

    public record ReportOverdueEscalated(String noticeId, String projectId, String projectTitle,
                                         NoticeRecipient recipient, String recipientCreditCode, String obligationId,
                                         ReportKind kind, LocalDate dueOn, LocalDate overdueOn, int daysOverdue,
                                         LocalDate escalatedOn, String reportingVersion)
            implements ProjectEvents {
    }

    /** A task for an officer: decide whether to suspend the project (never an automatic suspension). */
    public record SuspensionProposed(String noticeId, String projectId, String projectTitle,
                                     NoticeRecipient recipient, String recipientCreditCode, String obligationId,
                                     ReportKind kind, LocalDate dueOn, LocalDate overdueOn, int daysOverdue,
                                     LocalDate proposedOn, String reportingVersion) implements ProjectEvents {
    }

    // --- four-eyes payment approval: a disbursement request reserves its amount on the tranche until it is
    // approved (paid), rejected or expired ---

    public record DisbursementRequested(String projectId, String requestId, int trancheNumber, Milestone milestone,
                                        long amountFen, String documentRef, String reason, String requestedBy,
                                        LocalDate requestedOn, LocalDate expiresOn, String approvalVersion,
                                        String parameterVersion,
                                        List<String> evidence) implements ProjectEvents {

        public DisbursementRequested {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public DisbursementRequested(String projectId, String requestId, int trancheNumber, Milestone milestone,
                long amountFen, String documentRef, String reason, String requestedBy, LocalDate requestedOn,
                LocalDate expiresOn, String approvalVersion, String parameterVersion) {
            this(projectId, requestId, trancheNumber, milestone, amountFen, documentRef, reason, requestedBy,
                    requestedOn, expiresOn, approvalVersion, parameterVersion, List.of());
        }
    }

    public record DisbursementApproved(String projectId, String requestId, String approver, int approverLevel,
                                       long approverLimitFen, String delegationVersion, String note,
                                       LocalDate approvedOn) implements ProjectEvents {
    }

    public record DisbursementRejected(String projectId, String requestId, String rejectedBy, String reason,
                                       LocalDate rejectedOn) implements ProjectEvents {
    }

    public record DisbursementEscalated(String projectId, String requestId, String escalatedBy, int toLevel,
                                        String reason, LocalDate escalatedOn) implements ProjectEvents {
    }

    public record DisbursementRequestExpired(String projectId, String requestId, LocalDate expiresOn,
                                             LocalDate expiredOn) implements ProjectEvents {
    }
}
