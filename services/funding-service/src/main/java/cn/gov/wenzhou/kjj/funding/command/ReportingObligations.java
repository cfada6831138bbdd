package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Reporting obligations of a funded project (项目报告义务): the schedule a contract gets, the enterprise's submissions,
 * the officer's decisions, and what the business clock brings — reminders, overdue notices, disbursement holds,
 * escalation to the supervisor role and suspension proposals.
 *
 * <p>Every notice (reminder, overdue, escalation, suspension proposal) is an event carrying a stable {@code noticeId}
 * (a de-duplication key for delivery), its recipient as a reference ({@link NoticeRecipient}: the enterprise's credit
 * code or a bureau role, never an address or a person), the obligation, its due date and what a mail text needs.
 */
public sealed interface ReportingObligations {

    /** The role an escalated overdue report goes to: the funding officers' supervisor (科室负责人). */
    public static final String SUPERVISOR_ROLE = "FUNDING_SUPERVISOR";
    /** The role that decides on a suspension proposal. */
    public static final String OFFICER_ROLE = "FUNDING_OFFICER";

    /** Who a notice is for: {@code ENTERPRISE} with its credit code, or {@code ROLE} with a role's name. */
    public record NoticeRecipient(String type, String ref) {

        public static NoticeRecipient enterprise(String creditCode) {
            return new NoticeRecipient("ENTERPRISE", creditCode);
        }

        public static NoticeRecipient role(String role) {
            return new NoticeRecipient("ROLE", role);
        }
    }

    /** The notice id: one per project, obligation, cycle (a returned report starts the next) and kind of notice. */
    public static String noticeId(String projectId, String obligationId, int cycle, String notice) {
        return projectId + "/" + obligationId + "/" + cycle + "/" + notice;
    }

    // --- commands ---

    /** The enterprise submits a report: a stored document (SHA-256), a reference, or both. */
    public record SubmitReport(@TargetAggregateIdentifier String projectId, String obligationId, String documentSha256,
                               String reference, String submittedBy, LocalDate submittedOn)
            implements ReportingObligations {
    }

    public record AcceptReport(@TargetAggregateIdentifier String projectId, String obligationId, String acceptedBy,
                               String note, LocalDate acceptedOn) implements ReportingObligations {
    }

    public record ReturnReport(@TargetAggregateIdentifier String projectId, String obligationId, String returnedBy,
                               String reason, LocalDate returnedOn) implements ReportingObligations {
    }

    /** The sweep over the business clock: whatever of the project's deadlines {@code today} reached is recorded. */
    public record ApplyReportingDeadlines(@TargetAggregateIdentifier String projectId, LocalDate today)
            implements ReportingObligations {
    }

    // --- events ---

    /** The schedule a contract gets, with the numbers of the version it was taken from. */
    public record ReportingScheduleSet(String projectId, String recipientCreditCode, String reportingVersion,
                                       LocalDate contractSignedOn, int remindDaysBefore, int graceDays,
                                       int resubmitWithinDays, int escalateAfterDays, int proposeSuspensionAfterDays,
                                       boolean holdAcrossRecipient, List<ReportObligation> obligations)
            implements ReportingObligations {

        public ReportingScheduleSet {
            obligations = List.copyOf(obligations);
        }
    }

    public record ReportSubmitted(String projectId, String obligationId, ReportKind kind, int cycle,
                                  String documentSha256, String reference, String submittedBy,
                                  LocalDate submittedOn) implements ReportingObligations {
    }

    public record ReportAccepted(String projectId, String obligationId, ReportKind kind, LocalDate dueOn,
                                 String acceptedBy, String note, LocalDate acceptedOn) implements ReportingObligations {
    }

    /** @param nextDueOn the report is due again on this date ({@code resubmitWithinDays} after the return) */
    public record ReportReturned(String projectId, String obligationId, ReportKind kind, String reason,
                                 String returnedBy, LocalDate returnedOn, LocalDate nextDueOn, int nextCycle,
                                 String reportingVersion) implements ReportingObligations {
    }

    public record ReportReminderIssued(String noticeId, String projectId, String projectTitle,
                                       NoticeRecipient recipient, String obligationId, ReportKind kind, int cycle,
                                       LocalDate dueOn, int daysLeft, LocalDate remindedOn, String reportingVersion)
            implements ReportingObligations {
    }

    /** @param overdueOn the day after the due date plus the grace period: the obligation is overdue from then */
    public record ReportOverdue(String noticeId, String projectId, String projectTitle, NoticeRecipient recipient,
                                String obligationId, ReportKind kind, int cycle, LocalDate dueOn, int graceDays,
                                LocalDate overdueOn, LocalDate recordedOn, String reportingVersion)
            implements ReportingObligations {
    }

    /** Disbursements to the project are refused from {@code startedOn} until the report is accepted. */
    public record DisbursementHoldStarted(String projectId, String recipientCreditCode, String obligationId,
                                          ReportKind kind, LocalDate dueOn, LocalDate startedOn,
                                          String reportingVersion) implements ReportingObligations {
    }

    public record DisbursementHoldLifted(String projectId, String recipientCreditCode, String obligationId,
                                         ReportKind kind, LocalDate dueOn, LocalDate startedOn, LocalDate liftedOn,
                                         String reason) implements ReportingObligations {
    }

    public record ReportOverdueEscalated(String noticeId, String projectId, String projectTitle,
                                         NoticeRecipient recipient, String recipientCreditCode, String obligationId,
                                         ReportKind kind, LocalDate dueOn, LocalDate overdueOn, int daysOverdue,
                                         LocalDate escalatedOn, String reportingVersion)
            implements ReportingObligations {
    }

    /** A task for an officer: decide whether to suspend the project (never an automatic suspension). */
    public record SuspensionProposed(String noticeId, String projectId, String projectTitle,
                                     NoticeRecipient recipient, String recipientCreditCode, String obligationId,
                                     ReportKind kind, LocalDate dueOn, LocalDate overdueOn, int daysOverdue,
                                     LocalDate proposedOn, String reportingVersion) implements ReportingObligations {
    }
}
