package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads of the reporting obligations: the registry desk's lists (missing annual reports, rectifications for
 * follow-up), the inbox of notices, and the candidates the obligation sweep offers to the platforms (which decide).
 */
@Component
public class ObligationQueries {

    public static final int MAX_LIST = 500;

    private final JdbcTemplate jdbc;

    public ObligationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(description = "A platform whose annual report is missing after its due date (年报未交)")
    public record MissingReport(String platformId, String creditCode, String name, String district, int year,
                                LocalDate dueOn, LocalDate missingSince, LocalDate remindedOn,
                                String parameterVersion) {
    }

    @Schema(description = "A rectification past its deadline, not confirmed: for the district authority's follow-up "
            + "(整改跟进)")
    public record FollowUp(String platformId, String creditCode, String name, String district, int year,
                           String supervisingAuthority, LocalDate issuedOn, LocalDate deadline, LocalDate overdueSince,
                           LocalDate remindedOn) {
    }

    @Schema(description = "A notice the registry sent a platform (reminder, missing report, rectification)")
    public record Notice(String noticeId, String platformId, String creditCode, String name,
                         @Schema(allowableValues = {"ANNUAL_REPORT_REMINDER", "ANNUAL_REPORT_MISSING",
                                 "RECTIFICATION_REMINDER", "RECTIFICATION_OVERDUE"}) String kind,
                         int year, LocalDate dueOn, String supervisingAuthority, LocalDate recordedOn) {
    }

    public record Candidate(String platformId, int year) {
    }

    public List<MissingReport> missingReports(int limit) {
        return jdbc.query("""
                        select o.platform_id, o.credit_code, s.name, s.district, o.year, o.due_on, o.missing_since,
                               o.reminded_on, o.parameter_version
                        from annual_report_obligation o join platform_summary s on s.platform_id = o.platform_id
                        where o.resolved_on is null and o.missing_since is not null
                        order by o.missing_since, s.name, o.platform_id, o.year
                        limit ?""",
                (rs, row) -> new MissingReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), date(rs.getDate(6)), date(rs.getDate(7)), date(rs.getDate(8)),
                        rs.getString(9)),
                Math.min(limit, MAX_LIST));
    }

    public List<FollowUp> followUps(int limit) {
        return jdbc.query("""
                        select r.platform_id, r.credit_code, s.name, s.district, r.year, r.supervising_authority,
                               r.issued_on, r.deadline, r.overdue_since, r.reminded_on
                        from rectification_follow_up r join platform_summary s on s.platform_id = r.platform_id
                        where r.closed_on is null and r.overdue_since is not null
                        order by r.supervising_authority, r.deadline, s.name, r.platform_id, r.year
                        limit ?""",
                (rs, row) -> new FollowUp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), date(rs.getDate(7)), date(rs.getDate(8)),
                        date(rs.getDate(9)), date(rs.getDate(10))),
                Math.min(limit, MAX_LIST));
    }

    /** The latest notices, of one platform (its credit code) or of all when {@code creditCode} is null. */
    public List<Notice> notices(String creditCode, int limit) {
        String where = creditCode == null ? "" : "where n.credit_code = ? ";
        Object[] args = creditCode == null ? new Object[] {Math.min(limit, MAX_LIST)}
                : new Object[] {creditCode, Math.min(limit, MAX_LIST)};
        return jdbc.query("""
                        select n.notice_id, n.platform_id, n.credit_code, s.name, n.kind, n.year, n.due_on,
                               n.supervising_authority, n.recorded_on
                        from registry_notice n join platform_summary s on s.platform_id = n.platform_id
                        """ + where + "order by n.recorded_at desc, n.notice_id limit ?",
                (rs, row) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), date(rs.getDate(7)), rs.getString(8), date(rs.getDate(9))),
                args);
    }

    /**
     * Recognized platforms that may owe {@code year}'s report: none in, the year not closed, not yet listed as
     * missing; before the due date ({@code pastDue} false) also not yet reminded. The view may lag; the platform
     * decides.
     */
    public List<Candidate> annualReportCandidates(int year, boolean pastDue, int limit) {
        return jdbc.query("""
                        select s.platform_id, ? as year
                        from platform_summary s
                        where s.status in (?, ?)
                          and extract(year from s.recognized_on) <= ?
                          and not exists (select 1 from platform_year py
                                          where py.platform_id = s.platform_id and py.year = ?
                                            and (py.report_revision > 0 or py.evaluated_on is not null
                                                 or py.not_attended))
                          and not exists (select 1 from annual_report_obligation o
                                          where o.platform_id = s.platform_id and o.year = ?
                                            and (o.missing_since is not null or o.resolved_on is not null
                                                 or (not ? and o.reminded_on is not null)))
                        order by s.platform_id
                        limit ?""",
                (rs, row) -> new Candidate(rs.getString(1), rs.getInt(2)),
                year, PlatformStatus.RECOGNIZED.name(), PlatformStatus.UNDER_RECTIFICATION.name(), year, year, year,
                pastDue, limit);
    }

    /** Open rectifications not yet listed overdue, and not reminded already unless their deadline has passed. */
    public List<Candidate> rectificationCandidates(LocalDate today, int limit) {
        return jdbc.query("""
                        select platform_id, year from rectification_follow_up
                        where closed_on is null and overdue_since is null
                          and (reminded_on is null or deadline is null or deadline < ?)
                        order by platform_id, year
                        limit ?""",
                (rs, row) -> new Candidate(rs.getString(1), rs.getInt(2)), today, limit);
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
