package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportMissing;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportReminded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationOverdue;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationReminded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The registry's reporting obligations as staff and platforms see them: annual reports reminded or missing
 * ({@code annual_report_obligation}), rectification notices and their deadlines ({@code rectification_follow_up}),
 * and every notice for the inbox ({@code registry_notice}, keyed by the event's id). From events only, so a rebuild
 * reproduces the rows.
 */
@Component
@ProcessingGroup(ObligationsProjection.NAME)
public class ObligationsProjection {

    public static final String NAME = "registry-obligations";

    public enum NoticeKind {
        ANNUAL_REPORT_REMINDER, ANNUAL_REPORT_MISSING, RECTIFICATION_REMINDER, RECTIFICATION_OVERDUE
    }

    private final JdbcTemplate jdbc;

    public ObligationsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AnnualReportReminded event, EventMessage<?> message, @Timestamp Instant at) {
        jdbc.update("""
                        insert into annual_report_obligation (platform_id, year, credit_code, due_on, parameter_version,
                            reminded_on)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (platform_id, year) do update set reminded_on = excluded.reminded_on""",
                event.platformId(), event.year(), event.creditCode(), event.dueOn(), event.parameterVersion(),
                event.remindedOn());
        notice(message, event.platformId(), event.creditCode(), NoticeKind.ANNUAL_REPORT_REMINDER, event.year(),
                event.dueOn(), null, event.remindedOn(), at);
    }

    @EventHandler
    void on(AnnualReportMissing event, EventMessage<?> message, @Timestamp Instant at) {
        jdbc.update("""
                        insert into annual_report_obligation (platform_id, year, credit_code, due_on, parameter_version,
                            missing_since)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (platform_id, year) do update set missing_since = excluded.missing_since""",
                event.platformId(), event.year(), event.creditCode(), event.dueOn(), event.parameterVersion(),
                event.listedOn());
        notice(message, event.platformId(), event.creditCode(), NoticeKind.ANNUAL_REPORT_MISSING, event.year(),
                event.dueOn(), null, event.listedOn(), at);
    }

    @EventHandler
    void on(AnnualReportSubmitted event) {
        resolveReport(event.platformId(), event.year(), event.submittedOn(), "REPORTED");
    }

    @EventHandler
    void on(PlatformEvaluated event) {
        resolveReport(event.platformId(), event.year(), event.evaluatedOn(), "EVALUATED");
    }

    @EventHandler
    void on(EvaluationNotAttended event) {
        resolveReport(event.platformId(), event.year(), event.recordedOn(), "NOT_ATTENDED");
    }

    @EventHandler
    void on(RecognitionRevoked event) {
        jdbc.update("""
                        update annual_report_obligation set resolved_on = ?, resolution = 'REVOKED'
                        where platform_id = ? and resolved_on is null""",
                event.revokedOn(), event.platformId());
        jdbc.update("""
                        update rectification_follow_up set closed_on = ?, closed_how = 'REVOKED'
                        where platform_id = ? and closed_on is null""",
                event.revokedOn(), event.platformId());
    }

    @EventHandler
    void on(RectificationIssued event) {
        jdbc.update("""
                        insert into rectification_follow_up (platform_id, year, credit_code, supervising_authority,
                            issued_on, deadline, parameter_version)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (platform_id, year) do nothing""",
                event.platformId(), event.year(), event.creditCode(), event.supervisingAuthority(), event.issuedOn(),
                event.deadline(), event.parameterVersion());
    }

    @EventHandler
    void on(RectificationReminded event, EventMessage<?> message, @Timestamp Instant at) {
        jdbc.update("update rectification_follow_up set reminded_on = ?, deadline = ? where platform_id = ? and year = ?",
                event.remindedOn(), event.deadline(), event.platformId(), event.year());
        notice(message, event.platformId(), event.creditCode(), NoticeKind.RECTIFICATION_REMINDER, event.year(),
                event.deadline(), event.supervisingAuthority(), event.remindedOn(), at);
    }

    @EventHandler
    void on(RectificationOverdue event, EventMessage<?> message, @Timestamp Instant at) {
        jdbc.update("""
                        update rectification_follow_up set overdue_since = ?, deadline = ?
                        where platform_id = ? and year = ?""",
                event.listedOn(), event.deadline(), event.platformId(), event.year());
        notice(message, event.platformId(), event.creditCode(), NoticeKind.RECTIFICATION_OVERDUE, event.year(),
                event.deadline(), event.supervisingAuthority(), event.listedOn(), at);
    }

    @EventHandler
    void on(RectificationConfirmed event) {
        jdbc.update("""
                        update rectification_follow_up set closed_on = ?, closed_how = 'CONFIRMED'
                        where platform_id = ? and year = ?""",
                event.confirmedOn(), event.platformId(), event.year());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from annual_report_obligation");
        jdbc.update("delete from rectification_follow_up");
        jdbc.update("delete from registry_notice");
    }

    private void resolveReport(String platformId, int year, LocalDate on, String resolution) {
        jdbc.update("""
                        update annual_report_obligation set resolved_on = ?, resolution = ?
                        where platform_id = ? and year = ? and resolved_on is null""",
                on, resolution, platformId, year);
    }

    private void notice(EventMessage<?> message, String platformId, String creditCode, NoticeKind kind, int year,
                        LocalDate dueOn, String authority, LocalDate recordedOn, Instant at) {
        jdbc.update("""
                        insert into registry_notice (notice_id, platform_id, credit_code, kind, year, due_on,
                            supervising_authority, recorded_on, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (notice_id) do nothing""",
                message.getIdentifier(), platformId, creditCode, kind.name(), year, dueOn, authority, recordedOn,
                PlatformSummaryProjection.ts(at));
    }
}
