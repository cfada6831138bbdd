package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.query.FundingViews.ApplicationView;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.BudgetLineView;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.CallView;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.DemandView;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.MemberView;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.ProjectView;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.TrancheView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads calls, demands, applications and projects from their projections. */
@Component
public class FundingQueries {

    private static final String CALL = """
            select c.call_id, c.call_year, c.title, c.status, c.opened_on, c.published_on, c.applications_closed_on,
                   c.ranked_on, c.ranking_parameter_version,
                   (select count(*) from call_demand d where d.call_id = c.call_id),
                   (select count(*) from call_demand d where d.call_id = c.call_id and d.status = 'LISTED'),
                   (select count(*) from call_application a where a.call_id = c.call_id),
                   (select count(*) from call_application a where a.call_id = c.call_id and a.status = 'AWARDED')
            from challenge_call c""";
    private static final RowMapper<CallView> CALL_ROW = (rs, i) -> new CallView(rs.getString(1), rs.getInt(2),
            rs.getString(3), rs.getString(4), date(rs, 5), date(rs, 6), date(rs, 7), date(rs, 8), rs.getString(9),
            rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13));
    private static final String DEMAND = """
            select demand_id, call_id, enterprise_credit_code, enterprise_tier, title, industry, description,
                   budget_ceiling_fen, submitted_on, status, curation_note from call_demand""";
    private static final RowMapper<DemandView> DEMAND_ROW = (rs, i) -> new DemandView(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getLong(8), date(rs, 9), rs.getString(10), rs.getString(11));
    private static final String APPLICATION = """
            select application_id, call_id, demand_id, title, lead_credit_code, joint, requested_fen, submitted_on,
                   status, expert_scores, mean_score, priority, rank_in_demand, decline_reason, project_id,
                   ranked_as_joint
            from call_application""";
    private static final String PROJECT = """
            select project_id, call_id, application_id, title, recipient_credit_code, recipient_platform_id, status,
                   award_fen, co_funding_fen, disbursed_fen, spent_fen, recovered_fen, recovery_ordered_fen,
                   indirect_cap_fen, outcome, settled_balance_fen, balance_disposition, parameter_version,
                   category_scheme, awarded_on, contract_signed_on, mid_term_passed_on, acceptance_passed, closed_on,
                   last_changed_at
            from funded_project""";

    private final JdbcTemplate jdbc;

    public FundingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CallView> call(String callId) {
        return jdbc.query(CALL + " where c.call_id = ?", CALL_ROW, callId).stream().findFirst();
    }

    public List<CallView> calls(Integer year) {
        return year == null
                ? jdbc.query(CALL + " order by c.call_year desc, c.opened_on desc, c.call_id", CALL_ROW)
                : jdbc.query(CALL + " where c.call_year = ? order by c.opened_on desc, c.call_id", CALL_ROW, year);
    }

    public List<DemandView> demands(String callId, String status) {
        return status == null
                ? jdbc.query(DEMAND + " where call_id = ? order by submitted_on, demand_id", DEMAND_ROW, callId)
                : jdbc.query(DEMAND + " where call_id = ? and status = ? order by submitted_on, demand_id",
                DEMAND_ROW, callId, status);
    }

    public Optional<DemandView> demand(String demandId) {
        return jdbc.query(DEMAND + " where demand_id = ?", DEMAND_ROW, demandId).stream().findFirst();
    }

    public Optional<ApplicationView> application(String applicationId) {
        return jdbc.query(APPLICATION + " where application_id = ?", applicationRow(), applicationId)
                .stream().findFirst();
    }

    /** A call's applications by demand and rank: the ranking list. */
    public List<ApplicationView> applicationsOfCall(String callId) {
        return jdbc.query(APPLICATION + " where call_id = ? order by demand_id, rank_in_demand nulls last, "
                + "submitted_on, application_id", applicationRow(), callId);
    }

    public List<ApplicationView> applicationsOf(String leadCreditCode) {
        return jdbc.query(APPLICATION + " where lead_credit_code = ? order by submitted_on desc, application_id",
                applicationRow(), leadCreditCode);
    }

    /** Applications naming the organisation as a partner (confirmed or not): what it is asked to confirm. */
    public List<ApplicationView> applicationsWithPartner(String creditCode) {
        return jdbc.query(APPLICATION + " where application_id in (select application_id from application_member "
                        + "where credit_code = ? and position > 0) order by submitted_on desc, application_id",
                applicationRow(), creditCode);
    }

    public Optional<FundingViews.EnterpriseTierView> enterpriseTier(String creditCode) {
        return jdbc.query("""
                        select credit_code, tier, reason, document_ref, recorded_on, recorded_by, recorded_by_role,
                               recorded_at
                        from enterprise_tier where credit_code = ?""",
                (rs, i) -> new FundingViews.EnterpriseTierView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), date(rs, 5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()), creditCode).stream().findFirst();
    }

    /** Enterprises recorded with a tier (all, or of one tier), by credit code. */
    public List<FundingViews.EnterpriseTierView> enterpriseTiers(String tier) {
        String sql = """
                select credit_code, tier, reason, document_ref, recorded_on, recorded_by, recorded_by_role, recorded_at
                from enterprise_tier""" + (tier == null ? "" : " where tier = ?") + " order by credit_code limit 10000";
        return jdbc.query(sql, (rs, i) -> new FundingViews.EnterpriseTierView(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), date(rs, 5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant()), tier == null ? new Object[0] : new Object[]{tier});
    }

    public Optional<ProjectView> project(String projectId) {
        return jdbc.query(PROJECT + " where project_id = ?", projectRow(), projectId).stream().findFirst();
    }

    public List<ProjectView> projects(String callId, String recipientCreditCode, String status) {
        StringBuilder sql = new StringBuilder(PROJECT + " where true");
        List<Object> args = new ArrayList<>();
        if (callId != null) {
            sql.append(" and call_id = ?");
            args.add(callId);
        }
        if (recipientCreditCode != null) {
            sql.append(" and recipient_credit_code = ?");
            args.add(recipientCreditCode);
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        sql.append(" order by awarded_on, project_id");
        return jdbc.query(sql.toString(), projectRow(), args.toArray());
    }

    public Optional<String> standingOf(String platformId) {
        return jdbc.queryForList("select standing from platform_standing where platform_id = ?", String.class,
                platformId).stream().findFirst();
    }

    private RowMapper<ApplicationView> applicationRow() {
        return this::application;
    }

    private RowMapper<ProjectView> projectRow() {
        return this::project;
    }

    private ApplicationView application(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String id = rs.getString(1);
        LocalDate submittedOn = date(rs, 8);
        List<MemberView> members = jdbc.query("select credit_code, tier, platform_id, confirmed_on, position "
                        + "from application_member where application_id = ? order by position",
                (m, j) -> new MemberView(m.getString(1), m.getString(2), m.getString(3),
                        m.getInt(5) == 0 ? submittedOn : date(m, 4)), id);
        boolean countsAsJoint = members.stream().skip(1).anyMatch(m -> m.confirmedOn() != null);
        return new ApplicationView(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), members, rs.getLong(7), date(rs, 8), rs.getString(9), rs.getInt(10),
                rs.getBigDecimal(11), (Boolean) rs.getObject(12), (Integer) rs.getObject(13), rs.getString(14),
                rs.getString(15), countsAsJoint, (Boolean) rs.getObject(16));
    }

    private ProjectView project(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String id = rs.getString(1);
        List<BudgetLineView> budget = jdbc.query("select category, kind, budget_fen, spent_fen from "
                        + "project_budget_line where project_id = ? order by category",
                (b, j) -> new BudgetLineView(b.getString(1), b.getString(2), b.getLong(3), b.getLong(4),
                        b.getLong(3) - b.getLong(4)), id);
        List<TrancheView> tranches = jdbc.query("select tranche_no, milestone, percent, planned_fen, paid_fen from "
                        + "project_tranche where project_id = ? order by tranche_no",
                (t, j) -> new TrancheView(t.getInt(1), t.getString(2), t.getInt(3), t.getLong(4), t.getLong(5)), id);
        long award = rs.getLong(8);
        long disbursed = rs.getLong(10);
        long spent = rs.getLong(11);
        long recovered = rs.getLong(12);
        return new ProjectView(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), award, rs.getLong(9), disbursed, award - disbursed, spent, recovered,
                rs.getLong(13), disbursed - spent - recovered, rs.getLong(14), rs.getString(15),
                (Long) rs.getObject(16), rs.getString(17), rs.getString(18), rs.getString(19), date(rs, 20),
                date(rs, 21), date(rs, 22), (Boolean) rs.getObject(23), date(rs, 24),
                rs.getTimestamp(25).toInstant(), budget, tranches);
    }

    private static LocalDate date(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
