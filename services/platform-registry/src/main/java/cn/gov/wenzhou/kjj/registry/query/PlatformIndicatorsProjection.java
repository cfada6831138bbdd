package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectClosed;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.Indicators;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsRecovered;
import cn.gov.wenzhou.kjj.registry.command.ProjectRole;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A platform's years ({@code platform_year}: report, evaluation, rectification, facts recorded from funding and the
 * talent pool) and the city's totals per year ({@code city_year_totals}), kept together so that every change to a
 * year moves the city total by exactly the same amount. A resubmitted report replaces the earlier one: the totals move
 * by the difference.
 */
@Component
@ProcessingGroup(PlatformIndicatorsProjection.NAME)
public class PlatformIndicatorsProjection {

    public static final String NAME = "platform-indicators";

    static final List<String> INDICATOR_COLUMNS = List.of("joint_rd_centres", "cooperation_agreements",
            "provincial_projects", "research_funding_fen", "invention_patents", "four_tech_income_fen", "researchers",
            "incubated_enterprises", "results_transferred", "local_enterprises_served");

    private final JdbcTemplate jdbc;

    public PlatformIndicatorsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A report above the bounds (possible only in history stored before the bounds existed) is refused here too, so
     * the event is parked for an operator instead of pushing a city total toward overflow for every later report.
     */
    @EventHandler
    void on(AnnualReportSubmitted event) {
        event.indicators().requireWithinBounds();
        ensureYear(event.platformId(), event.year());
        long[] before = jdbc.queryForObject("select " + String.join(", ", INDICATOR_COLUMNS)
                        + ", report_revision from platform_year where platform_id = ? and year = ?",
                (rs, row) -> {
                    long[] values = new long[INDICATOR_COLUMNS.size() + 1];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getLong(i + 1);
                    }
                    return values;
                }, event.platformId(), event.year());
        long[] after = values(event.indicators());
        jdbc.update("update platform_year set report_revision = ?, report_submitted_on = ?, "
                        + String.join(" = ?, ", INDICATOR_COLUMNS) + " = ? where platform_id = ? and year = ?",
                args(event.revision(), event.submittedOn(), after, event.platformId(), event.year()));
        Object[] delta = new Object[after.length + 2];
        delta[0] = before[INDICATOR_COLUMNS.size()] == 0 ? 1 : 0;
        for (int i = 0; i < after.length; i++) {
            delta[i + 1] = after[i] - before[i];
        }
        delta[after.length + 1] = event.year();
        ensureCityYear(event.year());
        jdbc.update("update city_year_totals set reports = reports + ?, " + INDICATOR_COLUMNS.stream()
                .map(c -> c + " = " + c + " + ?").reduce((a, b) -> a + ", " + b).orElseThrow()
                + " where year = ?", delta);
    }

    @EventHandler
    void on(PlatformEvaluated event) {
        ensureYear(event.platformId(), event.year());
        jdbc.update("""
                        update platform_year set grade = ?, score = ?, parameter_version = ?, evaluated_on = ?
                        where platform_id = ? and year = ?""",
                event.grade().name(), event.score(), event.parameterVersion(), event.evaluatedOn(),
                event.platformId(), event.year());
    }

    @EventHandler
    void on(EvaluationNotAttended event) {
        ensureYear(event.platformId(), event.year());
        jdbc.update("""
                        update platform_year set not_attended = true, attendance_justified = ?,
                            non_attendance_reason = ?, evaluated_on = ?
                        where platform_id = ? and year = ?""",
                event.justified(), event.reason(), event.recordedOn(), event.platformId(), event.year());
    }

    @EventHandler
    void on(RectificationIssued event) {
        ensureYear(event.platformId(), event.year());
        jdbc.update("""
                        update platform_year set rectification_issued_on = ?, supervising_authority = ?
                        where platform_id = ? and year = ?""",
                event.issuedOn(), event.supervisingAuthority(), event.platformId(), event.year());
    }

    @EventHandler
    void on(RectificationConfirmed event) {
        jdbc.update("update platform_year set rectification_confirmed_on = ? where platform_id = ? and year = ?",
                event.confirmedOn(), event.platformId(), event.year());
    }

    @EventHandler
    void on(FundedProjectWon event) {
        boolean lead = event.role() == ProjectRole.LEAD;
        add(event.platformId(), event.awardedOn().getYear(),
                "projects_won = projects_won + 1, projects_led = projects_led + ?, award_fen = award_fen + ?",
                lead ? 1 : 0, event.awardFen());
    }

    @EventHandler
    void on(ProjectFundsReceived event) {
        add(event.platformId(), event.disbursedOn().getYear(), "funds_received_fen = funds_received_fen + ?",
                event.amountFen());
    }

    @EventHandler
    void on(ProjectFundsRecovered event) {
        add(event.platformId(), event.recoveredOn().getYear(), "funds_recovered_fen = funds_recovered_fen + ?",
                event.amountFen());
    }

    @EventHandler
    void on(FundedProjectClosed event) {
        add(event.platformId(), event.closedOn().getYear(), "projects_closed = projects_closed + 1");
    }

    @EventHandler
    void on(PoolHireJoined event) {
        add(event.platformId(), event.admittedOn().getYear(), "pool_hires_joined = pool_hires_joined + 1");
    }

    @EventHandler
    void on(PoolHireLeft event) {
        add(event.platformId(), event.exitedOn().getYear(), "pool_hires_left = pool_hires_left + 1");
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from platform_year");
        jdbc.update("delete from city_year_totals");
    }

    /** The same increments on the platform's year and on the city's year. */
    private void add(String platformId, int year, String increments, Object... values) {
        ensureYear(platformId, year);
        ensureCityYear(year);
        Object[] platformArgs = append(values, platformId, year);
        jdbc.update("update platform_year set " + increments + " where platform_id = ? and year = ?", platformArgs);
        jdbc.update("update city_year_totals set " + increments + " where year = ?", append(values, year));
    }

    private void ensureYear(String platformId, int year) {
        jdbc.update("""
                insert into platform_year (platform_id, year, report_revision, joint_rd_centres, cooperation_agreements,
                    provincial_projects, research_funding_fen, invention_patents, four_tech_income_fen, researchers,
                    incubated_enterprises, results_transferred, local_enterprises_served, not_attended, projects_won,
                    projects_led, award_fen, funds_received_fen, funds_recovered_fen, projects_closed,
                    pool_hires_joined, pool_hires_left)
                values (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, 0)
                on conflict (platform_id, year) do nothing""", platformId, year);
    }

    private void ensureCityYear(int year) {
        jdbc.update("""
                insert into city_year_totals (year, reports, joint_rd_centres, cooperation_agreements,
                    provincial_projects, research_funding_fen, invention_patents, four_tech_income_fen, researchers,
                    incubated_enterprises, results_transferred, local_enterprises_served, projects_won, projects_led,
                    award_fen, funds_received_fen, funds_recovered_fen, projects_closed, pool_hires_joined,
                    pool_hires_left)
                values (?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                on conflict (year) do nothing""", year);
    }

    static long[] values(Indicators i) {
        return new long[]{i.jointRdCentres(), i.cooperationAgreements(), i.provincialProjects(),
                i.researchFundingFen(), i.inventionPatents(), i.fourTechIncomeFen(), i.researchers(),
                i.incubatedEnterprises(), i.resultsTransferred(), i.localEnterprisesServed()};
    }

    private static Object[] args(int revision, Object submittedOn, long[] values, String platformId, int year) {
        Object[] args = new Object[values.length + 4];
        args[0] = revision;
        args[1] = submittedOn;
        for (int i = 0; i < values.length; i++) {
            args[i + 2] = values[i];
        }
        args[values.length + 2] = platformId;
        args[values.length + 3] = year;
        return args;
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = new Object[values.length + more.length];
        System.arraycopy(values, 0, all, 0, values.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }
}
