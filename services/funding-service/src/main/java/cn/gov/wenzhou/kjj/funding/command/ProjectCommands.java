package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the funding officer asks of a funded project. Business dates come in the command; the clock is not read. */
public sealed interface ProjectCommands {

    /**
     * Award a funded project. The caller resolves the facts the decision rests on: the rules version in force on the
     * award date, the project's category scheme, and the standing of every platform taking part.
     */
    public record AwardProject(@TargetAggregateIdentifier String projectId, String callId, String applicationId,
                               String title, String recipientCreditCode, String recipientPlatformId,
                               List<String> partnerPlatformIds, Map<String, Standing> platformStandings,
                               long awardFen, long coFundingFen, String categoryScheme, List<BudgetLine> budget,
                               FundingParameters.Rules rules, String documentRef, LocalDate awardedOn,
                               List<String> evidence) implements ProjectCommands {

        public AwardProject {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public AwardProject(String projectId, String callId, String applicationId, String title,
                String recipientCreditCode, String recipientPlatformId, List<String> partnerPlatformIds, Map<String,
                Standing> platformStandings, long awardFen, long coFundingFen, String categoryScheme,
                List<BudgetLine> budget, FundingParameters.Rules rules, String documentRef, LocalDate awardedOn) {
            this(projectId, callId, applicationId, title, recipientCreditCode, recipientPlatformId, partnerPlatformIds,
                    platformStandings, awardFen, coFundingFen, categoryScheme, budget, rules, documentRef, awardedOn,
                    List.of());
        }
    }

    /**
     * @param reporting the reporting rules in force on the signing date: the project's report schedule comes from
     *                  them (null: no schedule, as for contracts signed before reporting obligations existed)
     */
    public record SignContract(@TargetAggregateIdentifier String projectId, String contractRef, LocalDate signedOn,
                               ReportingParameters.Version reporting) implements ProjectCommands {

        /** Without reporting obligations. */
        public SignContract(String projectId, String contractRef, LocalDate signedOn) {
            this(projectId, contractRef, signedOn, null);
        }
    }

    public record RecordMidTermCheck(@TargetAggregateIdentifier String projectId, boolean passed, String documentRef,
                                     String note, LocalDate checkedOn) implements ProjectCommands {
    }

    /** The final acceptance review (验收). */
    public record RecordAcceptance(@TargetAggregateIdentifier String projectId, boolean passed, String documentRef,
                                   String note, LocalDate acceptedOn) implements ProjectCommands {
    }

    /**
     * A payment, or, when the approval rules in force want a second person for its amount, a request for one.
     *
     * @param amountFen   null pays what remains of the tranche
     * @param requestId   the id the request gets when it needs approval
     * @param requestedBy who asks (the caller's subject)
     * @param approval    the payment approval rules in force on the date
     */
    public record DisburseTranche(@TargetAggregateIdentifier String projectId, int trancheNumber, Long amountFen,
                                  String documentRef, String reason, LocalDate disbursedOn, String requestId,
                                  String requestedBy, PaymentApprovalParameters.Version approval,
                                  List<String> evidence) implements ProjectCommands {

        public DisburseTranche {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public DisburseTranche(String projectId, int trancheNumber, Long amountFen, String documentRef, String reason,
                LocalDate disbursedOn, String requestId, String requestedBy,
                PaymentApprovalParameters.Version approval) {
            this(projectId, trancheNumber, amountFen, documentRef, reason, disbursedOn, requestId, requestedBy,
                    approval, List.of());
        }
    }

    public record RecordExpenditure(@TargetAggregateIdentifier String projectId, String expenditureId,
                                    String category, long amountFen, String voucherRef, String purpose,
                                    LocalDate spentOn,
                                    List<String> evidence) implements ProjectCommands {

        public RecordExpenditure {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public RecordExpenditure(String projectId, String expenditureId, String category, long amountFen,
                String voucherRef, String purpose, LocalDate spentOn) {
            this(projectId, expenditureId, category, amountFen, voucherRef, purpose, spentOn, List.of());
        }
    }

    /** Budget adjustment (预算调剂): moves money from one category to another. */
    public record AdjustBudget(@TargetAggregateIdentifier String projectId, String fromCategory, String toCategory,
                               long amountFen, String reason, String hostApprovalRef, LocalDate adjustedOn,
                               List<String> evidence) implements ProjectCommands {

        public AdjustBudget {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public AdjustBudget(String projectId, String fromCategory, String toCategory, long amountFen, String reason,
                String hostApprovalRef, LocalDate adjustedOn) {
            this(projectId, fromCategory, toCategory, amountFen, reason, hostApprovalRef, adjustedOn, List.of());
        }
    }

    public record SuspendProject(@TargetAggregateIdentifier String projectId, String reason, String documentRef,
                                 LocalDate suspendedOn) implements ProjectCommands {
    }

    public record ResumeProject(@TargetAggregateIdentifier String projectId, String reason, String documentRef,
                                LocalDate resumedOn) implements ProjectCommands {
    }

    /** @param recoveryOrderedFen funds to recover (追回), at most the unspent balance the recipient holds */
    public record TerminateProject(@TargetAggregateIdentifier String projectId, String reason, String documentRef,
                                   long recoveryOrderedFen, LocalDate terminatedOn,
                                   List<String> evidence) implements ProjectCommands {

        public TerminateProject {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public TerminateProject(String projectId, String reason, String documentRef, long recoveryOrderedFen,
                LocalDate terminatedOn) {
            this(projectId, reason, documentRef, recoveryOrderedFen, terminatedOn, List.of());
        }
    }

    public record RecoverFunds(@TargetAggregateIdentifier String projectId, long amountFen, String documentRef,
                               LocalDate recoveredOn,
                               List<String> evidence) implements ProjectCommands {

        public RecoverFunds {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public RecoverFunds(String projectId, long amountFen, String documentRef, LocalDate recoveredOn) {
            this(projectId, amountFen, documentRef, recoveredOn, List.of());
        }
    }

    /** Closure with balance settlement (结余). */
    public record CloseProject(@TargetAggregateIdentifier String projectId, String documentRef, LocalDate closedOn,
                               List<String> evidence) implements ProjectCommands {

        public CloseProject {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** Without evidence documents: a paper reference only. */
        public CloseProject(String projectId, String documentRef, LocalDate closedOn) {
            this(projectId, documentRef, closedOn, List.of());
        }
    }

    // --- reporting obligations ---

    /** The enterprise submits a report: a stored document (SHA-256), a reference, or both. */
    public record SubmitReport(@TargetAggregateIdentifier String projectId, String obligationId, String documentSha256,
                               String reference, String submittedBy, LocalDate submittedOn)
            implements ProjectCommands {
    }

    public record AcceptReport(@TargetAggregateIdentifier String projectId, String obligationId, String acceptedBy,
                               String note, LocalDate acceptedOn) implements ProjectCommands {
    }

    public record ReturnReport(@TargetAggregateIdentifier String projectId, String obligationId, String returnedBy,
                               String reason, LocalDate returnedOn) implements ProjectCommands {
    }

    /** The sweep over the business clock: whatever of the project's deadlines {@code today} reached is recorded. */
    public record ApplyReportingDeadlines(@TargetAggregateIdentifier String projectId, LocalDate today)
            implements ProjectCommands {
    }

    // --- four-eyes payment approval ---

    /** @param approver the approver's subject; {@code approverLimitFen} their delegation limit at the decision */
    public record ApproveDisbursement(@TargetAggregateIdentifier String projectId, String requestId,
                                      String approver, String note, LocalDate approvedOn) implements ProjectCommands {
    }

    public record RejectDisbursement(@TargetAggregateIdentifier String projectId, String requestId, String rejectedBy,
                                     String reason, LocalDate rejectedOn) implements ProjectCommands {
    }

    /** An approver whose limit does not cover the amount passes the request to the next level. */
    public record EscalateDisbursement(@TargetAggregateIdentifier String projectId, String requestId,
                                       String escalatedBy, String reason, LocalDate escalatedOn)
            implements ProjectCommands {
    }

    /** A sweep over the business clock: the request was not decided by its expiry date. */
    public record ExpireDisbursementRequest(@TargetAggregateIdentifier String projectId, String requestId,
                                            LocalDate today) implements ProjectCommands {
    }
}
