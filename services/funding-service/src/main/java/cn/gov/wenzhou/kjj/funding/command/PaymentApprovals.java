package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Four-eyes payment approval: the commands and events of a disbursement request on a project, and of an approver's
 * delegation limit. A request reserves its amount on the tranche until it is approved (paid), rejected or expired.
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

    /** @param approver the approver's subject; {@code approverLimitFen} their delegation limit at the decision */
    public record ApproveDisbursement(@TargetAggregateIdentifier String projectId, String requestId,
                                      String approver, String note, LocalDate approvedOn) implements PaymentApprovals {
    }

    public record DisbursementApproved(String projectId, String requestId, String approver, int approverLevel,
                                       long approverLimitFen, String delegationVersion, String note,
                                       LocalDate approvedOn) implements PaymentApprovals {
    }

    public record RejectDisbursement(@TargetAggregateIdentifier String projectId, String requestId, String rejectedBy,
                                     String reason, LocalDate rejectedOn) implements PaymentApprovals {
    }

    public record DisbursementRejected(String projectId, String requestId, String rejectedBy, String reason,
                                       LocalDate rejectedOn) implements PaymentApprovals {
    }

    /** An approver whose limit does not cover the amount passes the request to the next level. */
    public record EscalateDisbursement(@TargetAggregateIdentifier String projectId, String requestId,
                                       String escalatedBy, String reason, LocalDate escalatedOn)
            implements PaymentApprovals {
    }

    public record DisbursementEscalated(String projectId, String requestId, String escalatedBy, int toLevel,
                                        String reason, LocalDate escalatedOn) implements PaymentApprovals {
    }

    /** A sweep over the business clock: the request was not decided by its expiry date. */
    public record ExpireDisbursementRequest(@TargetAggregateIdentifier String projectId, String requestId,
                                            LocalDate today) implements PaymentApprovals {
    }

    public record DisbursementRequestExpired(String projectId, String requestId, LocalDate expiresOn,
                                             LocalDate expiredOn) implements PaymentApprovals {
    }

    // --- an approver's delegation (kept by command, with its history) ---

    /**
     * @param level    the approval level the approver acts at (1 = section, 2 = division, 3 = bureau leadership)
     * @param limitFen the largest payment they may approve; 0 withdraws the delegation
     */
    public record SetDelegationLimit(@TargetAggregateIdentifier String approver, int level, long limitFen,
                                     String reason, String setBy, LocalDate effectiveOn) implements PaymentApprovals {
    }

    public record DelegationLimitSet(String approver, int level, long limitFen, String reason, String setBy,
                                     LocalDate effectiveOn, String delegationVersion) implements PaymentApprovals {
    }
}
