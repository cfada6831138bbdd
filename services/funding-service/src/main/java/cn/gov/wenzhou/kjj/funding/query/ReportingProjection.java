package cn.gov.wenzhou.kjj.funding.query;

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
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.SuspensionProposed;
import cn.gov.wenzhou.kjj.funding.command.ReportKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reporting obligations as the desks read them: each project's report schedule and status, its disbursement holds
 * (when each started and ended), the overdue list, the suspension proposals, the notices recorded — and, for the
 * sweep, which projects have a deadline to look at.
 */
@Component
@ProcessingGroup(ReportingProjection.NAME)
public class ReportingProjection {

    public static final String NAME = "reporting";
    public static final List<String> TABLES = List.of("project_reporting", "report_obligation", "disbursement_hold",
            "report_notice");

    public record ObligationView(String obligationId, String kind, String kindName, LocalDate dueOn, int cycle,
                                 String status, boolean overdue, LocalDate overdueOn, boolean onHold,
                                 LocalDate escalatedOn, LocalDate suspensionProposedOn, LocalDate submittedOn,
                                 String documentSha256, String reference, LocalDate decidedOn, String returnReason) {
    }

    public record HoldView(String projectId, String recipientCreditCode, String obligationId, String kind,
                           String kindName, LocalDate dueOn, LocalDate startedOn, LocalDate liftedOn,
                           String liftReason, String reportingVersion, Instant recordedAt, Instant liftedAt) {
    }

    /** A project's reporting: its version, whether it is on hold now, its reports and every hold it had. */
    public record ProjectReportingView(String projectId, String reportingVersion, boolean onHold,
                                       List<ObligationView> obligations, List<HoldView> holds) {
    }

    /** A line of the desks' overdue list (逾期报告). */
    public record OverdueView(String projectId, String title, String recipientCreditCode, String projectStatus,
                              String obligationId, String kind, String kindName, LocalDate dueOn,
                              LocalDate overdueOn, String status, LocalDate escalatedOn,
                              LocalDate suspensionProposedOn) {
    }

    public record NoticeView(String noticeId, String type, String projectId, String projectTitle, String obligationId,
                             String kind, String recipientType, String recipientRef, String recipientCreditCode,
                             LocalDate dueOn, LocalDate issuedOn, String reportingVersion, Instant recordedAt) {
    }

    private final JdbcTemplate jdbc;

    public ReportingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportingScheduleSet e) {
        jdbc.update("""
                        insert into project_reporting (project_id, recipient_credit_code, reporting_version,
                            contract_signed_on, remind_days, grace_days, resubmit_days, escalate_after_days,
                            propose_after_days, hold_across_recipient) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (project_id) do nothing""",
                e.projectId(), e.recipientCreditCode(), e.reportingVersion(), e.contractSignedOn(),
                e.remindDaysBefore(), e.graceDays(), e.resubmitWithinDays(), e.escalateAfterDays(),
                e.proposeSuspensionAfterDays(), e.holdAcrossRecipient());
        e.obligations().forEach(o -> jdbc.update("""
                        insert into report_obligation (project_id, obligation_id, recipient_credit_code, report_kind,
                            due_on, cycle, status, reminded_cycle) values (?, ?, ?, ?, ?, 1, 'DUE', 0)
                        on conflict (project_id, obligation_id) do nothing""",
                e.projectId(), o.obligationId(), e.recipientCreditCode(), o.kind().name(), o.dueOn()));
    }

    @EventHandler
    void on(ReportSubmitted e) {
        jdbc.update("""
                        update report_obligation set status = 'SUBMITTED', submitted_on = ?, document_sha256 = ?,
                            reference = ?, submitted_by = ?, decided_by = null, decided_on = null
                        where project_id = ? and obligation_id = ?""",
                e.submittedOn(), e.documentSha256(), e.reference(), e.submittedBy(), e.projectId(), e.obligationId());
    }

    @EventHandler
    void on(ReportAccepted e) {
        jdbc.update("""
                        update report_obligation set status = 'ACCEPTED', decided_by = ?, decided_on = ?,
                            return_reason = null where project_id = ? and obligation_id = ?""",
                e.acceptedBy(), e.acceptedOn(), e.projectId(), e.obligationId());
    }

    @EventHandler
    void on(ReportReturned e) {
        jdbc.update("""
                        update report_obligation set status = 'DUE', due_on = ?, cycle = ?, decided_by = ?,
                            decided_on = ?, return_reason = ? where project_id = ? and obligation_id = ?""",
                e.nextDueOn(), e.nextCycle(), e.returnedBy(), e.returnedOn(), e.reason(), e.projectId(),
                e.obligationId());
    }

    @EventHandler
    void on(ReportReminderIssued e, @Timestamp Instant at) {
        jdbc.update("update report_obligation set reminded_cycle = ? where project_id = ? and obligation_id = ?",
                e.cycle(), e.projectId(), e.obligationId());
        notice(e.noticeId(), "REMINDER", e.projectId(), e.obligationId(), e.kind(), e.recipient(),
                e.recipient().ref(), e.dueOn(), e.remindedOn(), e.reportingVersion(), at);
    }

    @EventHandler
    void on(ReportOverdue e, @Timestamp Instant at) {
        jdbc.update("update report_obligation set overdue_on = ? where project_id = ? and obligation_id = ?",
                e.overdueOn(), e.projectId(), e.obligationId());
        notice(e.noticeId(), "OVERDUE", e.projectId(), e.obligationId(), e.kind(), e.recipient(),
                e.recipient().ref(), e.dueOn(), e.recordedOn(), e.reportingVersion(), at);
    }

    @EventHandler
    void on(ReportOverdueEscalated e, @Timestamp Instant at) {
        jdbc.update("update report_obligation set escalated_on = ? where project_id = ? and obligation_id = ?",
                e.escalatedOn(), e.projectId(), e.obligationId());
        notice(e.noticeId(), "ESCALATION", e.projectId(), e.obligationId(), e.kind(), e.recipient(),
                e.recipientCreditCode(), e.dueOn(), e.escalatedOn(), e.reportingVersion(), at);
    }

    @EventHandler
    void on(SuspensionProposed e, @Timestamp Instant at) {
        jdbc.update("update report_obligation set suspension_proposed_on = ? where project_id = ? "
                + "and obligation_id = ?", e.proposedOn(), e.projectId(), e.obligationId());
        notice(e.noticeId(), "SUSPENSION_PROPOSAL", e.projectId(), e.obligationId(), e.kind(), e.recipient(),
                e.recipientCreditCode(), e.dueOn(), e.proposedOn(), e.reportingVersion(), at);
    }

    @EventHandler
    void on(DisbursementHoldStarted e, @Timestamp Instant at) {
        jdbc.update("""
                        insert into disbursement_hold (project_id, obligation_id, recipient_credit_code, report_kind,
                            due_on, started_on, reporting_version, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""",
                e.projectId(), e.obligationId(), e.recipientCreditCode(), e.kind().name(), e.dueOn(), e.startedOn(),
                e.reportingVersion(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(DisbursementHoldLifted e, @Timestamp Instant at) {
        jdbc.update("""
                        update disbursement_hold set lifted_on = ?, lift_reason = ?, lifted_at = ?
                        where project_id = ? and obligation_id = ? and started_on = ?""",
                e.liftedOn(), e.reason(), java.sql.Timestamp.from(at), e.projectId(), e.obligationId(),
                e.startedOn());
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }

    private void notice(String noticeId, String type, String projectId, String obligationId, ReportKind kind,
                        NoticeRecipient recipient, String recipientCreditCode, LocalDate dueOn, LocalDate issuedOn,
                        String version, Instant at) {
        jdbc.update("""
                        insert into report_notice (notice_id, notice_type, project_id, obligation_id, report_kind,
                            recipient_type, recipient_ref, recipient_credit_code, due_on, issued_on,
                            reporting_version, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (notice_id) do nothing""",
                noticeId, type, projectId, obligationId, kind.name(), recipient.type(), recipient.ref(),
                recipientCreditCode, dueOn, issuedOn, version, java.sql.Timestamp.from(at));
    }

    // --- reads ---

    /**
     * Projects with a deadline {@code today} reached that is not recorded yet (the sweep's candidates), by project id
     * after {@code afterProjectId} ("" for the first page), at most {@code limit}.
     */
    public List<String> projectsWithDeadlinesBy(LocalDate today, String afterProjectId, int limit) {
        return jdbc.queryForList("""
                        select distinct o.project_id from report_obligation o
                        join project_reporting p on p.project_id = o.project_id
                        join funded_project f on f.project_id = o.project_id
                        where o.project_id > ? and o.status = 'DUE' and f.status in ('ACTIVE', 'SUSPENDED') and (
                            (o.reminded_cycle < o.cycle and o.due_on - p.remind_days <= ? and o.due_on >= ?)
                            or (o.overdue_on is null and o.due_on + p.grace_days + 1 <= ?)
                            or (o.overdue_on is not null and o.escalated_on is null
                                and o.overdue_on + p.escalate_after_days <= ?)
                            or (o.escalated_on is not null and o.suspension_proposed_on is null
                                and f.status = 'ACTIVE'
                                and o.overdue_on + p.escalate_after_days + p.propose_after_days <= ?))
                        order by o.project_id limit ?""",
                String.class, afterProjectId, today, today, today, today, today, limit);
    }

    public Optional<ProjectReportingView> ofProject(String projectId) {
        List<String> version = jdbc.queryForList(
                "select reporting_version from project_reporting where project_id = ?", String.class, projectId);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        List<ObligationView> obligations = jdbc.query("""
                select o.*, exists (select 1 from disbursement_hold h where h.project_id = o.project_id
                    and h.obligation_id = o.obligation_id and h.lifted_on is null) as on_hold
                from report_obligation o where o.project_id = ? order by o.due_on, o.obligation_id""",
                OBLIGATION, projectId);
        List<HoldView> holds = holds(projectId, null, 500);
        boolean onHold = holds.stream().anyMatch(h -> h.liftedOn() == null);
        return Optional.of(new ProjectReportingView(projectId, version.get(0), onHold, obligations, holds));
    }

    /** Holds by project and/or recipient (null: any), most recent first. */
    public List<HoldView> holds(String projectId, String recipientCreditCode, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from disbursement_hold where true");
        if (projectId != null) {
            sql.append(" and project_id = ?");
            args.add(projectId);
        }
        if (recipientCreditCode != null) {
            sql.append(" and recipient_credit_code = ?");
            args.add(recipientCreditCode);
        }
        sql.append(" order by started_on desc, project_id, obligation_id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), HOLD, args.toArray());
    }

    /** Obligations overdue and not accepted: the funding and finance desks' list, oldest due date first. */
    public List<OverdueView> overdue(String recipientCreditCode, boolean escalatedOnly, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select o.*, f.title, f.status as project_status from report_obligation o
                join funded_project f on f.project_id = o.project_id
                where o.overdue_on is not null and o.status <> 'ACCEPTED'
                    and f.status in ('ACTIVE', 'SUSPENDED')""");
        if (recipientCreditCode != null) {
            sql.append(" and o.recipient_credit_code = ?");
            args.add(recipientCreditCode);
        }
        if (escalatedOnly) {
            sql.append(" and o.escalated_on is not null");
        }
        sql.append(" order by o.due_on, o.project_id, o.obligation_id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new OverdueView(rs.getString("project_id"), rs.getString("title"),
                rs.getString("recipient_credit_code"), rs.getString("project_status"), rs.getString("obligation_id"),
                rs.getString("report_kind"), kindName(rs.getString("report_kind")), date(rs, "due_on"),
                date(rs, "overdue_on"), rs.getString("status"), date(rs, "escalated_on"),
                date(rs, "suspension_proposed_on")), args.toArray());
    }

    /** Suspension proposals waiting for an officer: the report is still not accepted, the project still active. */
    public List<OverdueView> suspensionProposals(int limit) {
        return overdue(null, true, limit).stream()
                .filter(o -> o.suspensionProposedOn() != null && "ACTIVE".equals(o.projectStatus()))
                .toList();
    }

    /** Notices of one recipient (type ENTERPRISE with its credit code, or ROLE with a role), newest first. */
    public List<NoticeView> notices(String recipientType, String recipientRef, String projectId, int limit) {
        List<Object> args = new ArrayList<>();
        // the project's title from the projects' view, so that an inbox can say which project a notice is about
        StringBuilder sql = new StringBuilder("select n.*, f.title as project_title from report_notice n "
                + "left join funded_project f on f.project_id = n.project_id where true");
        if (recipientType != null) {
            sql.append(" and n.recipient_type = ? and n.recipient_ref = ?");
            args.add(recipientType);
            args.add(recipientRef);
        }
        if (projectId != null) {
            sql.append(" and n.project_id = ?");
            args.add(projectId);
        }
        sql.append(" order by n.recorded_at desc, n.notice_id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new NoticeView(rs.getString("notice_id"),
                rs.getString("notice_type"), rs.getString("project_id"), rs.getString("project_title"),
                rs.getString("obligation_id"), rs.getString("report_kind"), rs.getString("recipient_type"),
                rs.getString("recipient_ref"), rs.getString("recipient_credit_code"), date(rs, "due_on"),
                date(rs, "issued_on"), rs.getString("reporting_version"), rs.getTimestamp("recorded_at").toInstant()),
                args.toArray());
    }

    private static final RowMapper<ObligationView> OBLIGATION = (rs, i) -> new ObligationView(
            rs.getString("obligation_id"), rs.getString("report_kind"), kindName(rs.getString("report_kind")),
            date(rs, "due_on"), rs.getInt("cycle"), rs.getString("status"),
            rs.getObject("overdue_on") != null && !"ACCEPTED".equals(rs.getString("status")), date(rs, "overdue_on"),
            rs.getBoolean("on_hold"), date(rs, "escalated_on"), date(rs, "suspension_proposed_on"), date(rs, "submitted_on"),
            rs.getString("document_sha256"), rs.getString("reference"), date(rs, "decided_on"),
            rs.getString("return_reason"));

    private static final RowMapper<HoldView> HOLD = (rs, i) -> new HoldView(rs.getString("project_id"),
            rs.getString("recipient_credit_code"), rs.getString("obligation_id"), rs.getString("report_kind"),
            kindName(rs.getString("report_kind")), date(rs, "due_on"), date(rs, "started_on"),
            date(rs, "lifted_on"), rs.getString("lift_reason"), rs.getString("reporting_version"),
            rs.getTimestamp("recorded_at").toInstant(),
            rs.getTimestamp("lifted_at") == null ? null : rs.getTimestamp("lifted_at").toInstant());

    private static String kindName(String kind) {
        return ReportKind.valueOf(kind).chinese();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
