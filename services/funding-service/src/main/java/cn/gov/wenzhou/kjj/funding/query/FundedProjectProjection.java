package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.AcceptanceRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.BudgetAdjusted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ContractSigned;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ExpenditureRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.FundsRecovered;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.MidTermCheckRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectClosed;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectResumed;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectSuspended;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectTerminated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.TrancheDisbursed;
import cn.gov.wenzhou.kjj.funding.command.ProjectStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Funded projects with their running totals, budget by category and tranche plan. */
@Component
@ProcessingGroup(FundedProjectProjection.NAME)
public class FundedProjectProjection {

    public static final String NAME = "funded-projects";
    public static final List<String> TABLES = List.of("funded_project", "project_budget_line", "project_tranche");

    private final JdbcTemplate jdbc;

    public FundedProjectProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectAwarded e, @Timestamp Instant at) {
        jdbc.update("""
                        insert into funded_project (project_id, call_id, application_id, title, recipient_credit_code,
                            recipient_platform_id, status, award_fen, co_funding_fen, disbursed_fen, spent_fen,
                            recovered_fen, recovery_ordered_fen, indirect_cap_fen, parameter_version, category_scheme,
                            awarded_on, last_changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, ?)""",
                e.projectId(), e.decision().callId(), e.decision().applicationId(), e.title(),
                e.recipient().creditCode(), e.recipient().platformId(), ProjectStatus.AWARDED.name(),
                e.money().awardFen(), e.money().coFundingFen(), e.budget().indirectCapFen(),
                e.decision().parameterVersion(), e.budget().categoryScheme(), e.decision().awardedOn(), ts(at));
        e.budget().lines().forEach(line -> jdbc.update("""
                        insert into project_budget_line (project_id, category, kind, budget_fen, spent_fen)
                        values (?, ?, ?, ?, 0)""",
                e.projectId(), line.category(), line.kind().name(), line.amountFen()));
        e.budget().tranches().forEach(t -> jdbc.update("""
                        insert into project_tranche (project_id, tranche_no, milestone, percent, planned_fen, paid_fen)
                        values (?, ?, ?, ?, ?, 0)""",
                e.projectId(), t.number(), t.milestone().name(), t.percent(), t.amountFen()));
    }

    @EventHandler
    void on(ContractSigned e, @Timestamp Instant at) {
        jdbc.update("update funded_project set status = ?, contract_signed_on = ?, last_changed_at = ? "
                + "where project_id = ?", ProjectStatus.ACTIVE.name(), e.signedOn(), ts(at), e.projectId());
    }

    @EventHandler
    void on(MidTermCheckRecorded e, @Timestamp Instant at) {
        if (e.passed()) {
            jdbc.update("update funded_project set mid_term_passed_on = ?, last_changed_at = ? where project_id = ?",
                    e.checkedOn(), ts(at), e.projectId());
        }
    }

    @EventHandler
    void on(AcceptanceRecorded e, @Timestamp Instant at) {
        jdbc.update("update funded_project set acceptance_passed = ?, last_changed_at = ? where project_id = ?",
                e.passed(), ts(at), e.projectId());
    }

    @EventHandler
    void on(TrancheDisbursed e, @Timestamp Instant at) {
        jdbc.update("update funded_project set disbursed_fen = disbursed_fen + ?, last_changed_at = ? "
                + "where project_id = ?", e.amountFen(), ts(at), e.projectId());
        jdbc.update("update project_tranche set paid_fen = paid_fen + ? where project_id = ? and tranche_no = ?",
                e.amountFen(), e.projectId(), e.trancheNumber());
    }

    @EventHandler
    void on(ExpenditureRecorded e, @Timestamp Instant at) {
        jdbc.update("update funded_project set spent_fen = spent_fen + ?, last_changed_at = ? where project_id = ?",
                e.amountFen(), ts(at), e.projectId());
        jdbc.update("update project_budget_line set spent_fen = spent_fen + ? where project_id = ? and category = ?",
                e.amountFen(), e.projectId(), e.category());
    }

    @EventHandler
    void on(BudgetAdjusted e, @Timestamp Instant at) {
        jdbc.update("update project_budget_line set budget_fen = budget_fen - ? where project_id = ? and category = ?",
                e.amountFen(), e.projectId(), e.fromCategory());
        jdbc.update("update project_budget_line set budget_fen = budget_fen + ? where project_id = ? and category = ?",
                e.amountFen(), e.projectId(), e.toCategory());
        touch(e.projectId(), at);
    }

    @EventHandler
    void on(ProjectSuspended e, @Timestamp Instant at) {
        status(e.projectId(), ProjectStatus.SUSPENDED, at);
    }

    @EventHandler
    void on(ProjectResumed e, @Timestamp Instant at) {
        status(e.projectId(), ProjectStatus.ACTIVE, at);
    }

    @EventHandler
    void on(ProjectTerminated e, @Timestamp Instant at) {
        jdbc.update("update funded_project set status = ?, recovery_ordered_fen = ?, last_changed_at = ? "
                + "where project_id = ?", ProjectStatus.TERMINATED.name(), e.recoveryOrderedFen(), ts(at),
                e.projectId());
    }

    @EventHandler
    void on(FundsRecovered e, @Timestamp Instant at) {
        jdbc.update("update funded_project set recovered_fen = recovered_fen + ?, last_changed_at = ? "
                + "where project_id = ?", e.amountFen(), ts(at), e.projectId());
    }

    @EventHandler
    void on(ProjectClosed e, @Timestamp Instant at) {
        jdbc.update("""
                        update funded_project set status = ?, outcome = ?, settled_balance_fen = ?,
                            balance_disposition = ?, closed_on = ?, last_changed_at = ?
                        where project_id = ?""",
                ProjectStatus.CLOSED.name(), e.outcome(), e.balanceFen(), e.disposition(), e.closedOn(), ts(at),
                e.projectId());
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }

    private void status(String projectId, ProjectStatus status, Instant at) {
        jdbc.update("update funded_project set status = ?, last_changed_at = ? where project_id = ?",
                status.name(), ts(at), projectId);
    }

    private void touch(String projectId, Instant at) {
        jdbc.update("update funded_project set last_changed_at = ? where project_id = ?", ts(at), projectId);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
