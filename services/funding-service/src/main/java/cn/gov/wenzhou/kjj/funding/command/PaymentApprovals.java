package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;
import java.util.List;

/**
 * Four-eyes payment approval: the events of a disbursement request on a project, and of an approver's delegation
 * limit. A request reserves its amount on the tranche until it is approved (paid), rejected or expired. They keep this
 * holder's name because the money ledger chains them by the type name the store holds
 * ({@code LedgerEntries.MONEY_EVENT_TYPES}, shared with the independent verifier); their commands are the project's
 * ({@link ProjectCommands}) and the delegation's ({@link ApproverDelegationCommands}).
 */
public sealed interface PaymentApprovals {

    // --- a disbursement request on a funded project ---

    public record DisbursementRequested(String projectId, String requestId, int trancheNumber, Milestone milestone,
                                        long amountFen, String documentRef, String reason, String requestedBy,
                                        LocalDate requestedOn, LocalDate expiresOn, String approvalVersion,
                                        String parameterVersion,
                                        List<String> evidence) implements PaymentApprovals {

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
                                       LocalDate approvedOn) implements PaymentApprovals {
    }

    public record DisbursementRejected(String projectId, String requestId, String rejectedBy, String reason,
                                       LocalDate rejectedOn) implements PaymentApprovals {
    }

    public record DisbursementEscalated(String projectId, String requestId, String escalatedBy, int toLevel,
                                        String reason, LocalDate escalatedOn) implements PaymentApprovals {
    }

    public record DisbursementRequestExpired(String projectId, String requestId, LocalDate expiresOn,
                                             LocalDate expiredOn) implements PaymentApprovals {
    }

    // --- an approver's delegation (kept by command, with its history) ---

    public record DelegationLimitSet(String approver, int level, long limitFen, String reason, String setBy,
                                     LocalDate effectiveOn, String delegationVersion) implements PaymentApprovals {
    }
}
