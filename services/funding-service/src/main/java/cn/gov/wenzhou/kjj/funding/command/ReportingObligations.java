package cn.gov.wenzhou.kjj.funding.command;

/**
 * Reporting obligations of a funded project (项目报告义务): the schedule a contract gets, the enterprise's submissions,
 * the officer's decisions, and what the business clock brings — reminders, overdue notices, disbursement holds,
 * escalation to the supervisor role and suspension proposals. Their commands and events are the project's
 * ({@link ProjectCommands}, {@link ProjectEvents}); this holds the names they share.
 *
 * <p>Every notice (reminder, overdue, escalation, suspension proposal) is an event carrying a stable {@code noticeId}
 * (a de-duplication key for delivery), its recipient as a reference ({@link NoticeRecipient}: the enterprise's credit
 * code or a bureau role, never an address or a person), the obligation, its due date and what a mail text needs.
 */
public final class ReportingObligations {

    /** The role an escalated overdue report goes to: the funding officers' supervisor (科室负责人). */
    public static final String SUPERVISOR_ROLE = "FUNDING_SUPERVISOR";
    /** The role that decides on a suspension proposal. */
    public static final String OFFICER_ROLE = "FUNDING_OFFICER";

    private ReportingObligations() {
    }

    /** The notice id: one per project, obligation, cycle (a returned report starts the next) and kind of notice. */
    public static String noticeId(String projectId, String obligationId, int cycle, String notice) {
        return projectId + "/" + obligationId + "/" + cycle + "/" + notice;
    }
}
