package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.ApproverDelegationEvents.DelegationLimitSet;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementApproved;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementEscalated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRejected;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequestExpired;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Disbursement requests (the approvers' queues, each payment's approval chain) and approvers' delegations with their
 * history, from the event store.
 */
@Component
@ProcessingGroup(PaymentApprovalProjection.NAME)
public class PaymentApprovalProjection {

    public static final String NAME = "payment-approvals";
    public static final List<String> TABLES = List.of("disbursement_request", "approver_delegation");

    public record RequestView(String requestId, String projectId, int trancheNumber, long amountFen,
                              String documentRef, String reason, String requestedBy, LocalDate requestedOn,
                              LocalDate expiresOn, int level, String status, String decidedBy, LocalDate decidedOn,
                              String decisionReason, String approvalVersion) {
    }

    public record DelegationView(String approver, String version, int level, long limitFen, String reason,
                                 String setBy, LocalDate effectiveOn, java.time.Instant recordedAt) {
    }

    private final JdbcTemplate jdbc;

    public PaymentApprovalProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DisbursementRequested e) {
        jdbc.update("insert into disbursement_request (request_id, project_id, tranche_no, amount_fen, document_ref, "
                        + "reason, requested_by, requested_on, expires_on, level, status, approval_version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'PENDING', ?) on conflict (request_id) do nothing",
                e.requestId(), e.projectId(), e.trancheNumber(), e.amountFen(), e.documentRef(), e.reason(),
                e.requestedBy(), e.requestedOn(), e.expiresOn(), e.approvalVersion());
    }

    @EventHandler
    void on(DisbursementEscalated e) {
        jdbc.update("update disbursement_request set level = ? where request_id = ?", e.toLevel(), e.requestId());
    }

    @EventHandler
    void on(DisbursementApproved e) {
        decide(e.requestId(), "APPROVED", e.approver(), e.approvedOn(), e.note());
    }

    @EventHandler
    void on(DisbursementRejected e) {
        decide(e.requestId(), "REJECTED", e.rejectedBy(), e.rejectedOn(), e.reason());
    }

    @EventHandler
    void on(DisbursementRequestExpired e) {
        decide(e.requestId(), "EXPIRED", null, e.expiredOn(), null);
    }

    @EventHandler
    void on(DelegationLimitSet e, EventMessage<?> message) {
        jdbc.update("insert into approver_delegation (approver, version, level, limit_fen, reason, set_by, "
                        + "effective_on, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                e.approver(), e.delegationVersion(), e.level(), e.limitFen(), e.reason(), e.setBy(), e.effectiveOn(),
                Timestamp.from(message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }

    private void decide(String requestId, String status, String by, LocalDate on, String reason) {
        jdbc.update("update disbursement_request set status = ?, decided_by = ?, decided_on = ?, decision_reason = ? "
                + "where request_id = ?", status, by, on, reason, requestId);
    }

    /** Pending requests another person may decide: not their own, at their level or below, within their limit. */
    public List<RequestView> waitingFor(String approver, int level, long limitFen, int limit) {
        return jdbc.query("select * from disbursement_request where status = 'PENDING' and requested_by <> ? "
                        + "and level <= ? and amount_fen <= ? order by requested_on, request_id limit ?",
                (row, n) -> request(row), approver, level, limitFen, limit);
    }

    public List<RequestView> ofProject(String projectId) {
        return jdbc.query("select * from disbursement_request where project_id = ? order by requested_on, request_id",
                (row, n) -> request(row), projectId);
    }

    public List<RequestView> pendingExpiredBy(LocalDate today, int limit) {
        return jdbc.query("select * from disbursement_request where status = 'PENDING' and expires_on < ? "
                + "order by expires_on limit ?", (row, n) -> request(row), today, limit);
    }

    public List<DelegationView> history(String approver) {
        return jdbc.query("select * from approver_delegation where approver = ? order by recorded_at, version",
                (row, n) -> new DelegationView(row.getString("approver"), row.getString("version"),
                        row.getInt("level"), row.getLong("limit_fen"), row.getString("reason"),
                        row.getString("set_by"), row.getObject("effective_on", LocalDate.class),
                        row.getTimestamp("recorded_at").toInstant()), approver);
    }

    public Optional<DelegationView> current(String approver) {
        List<DelegationView> all = history(approver);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static RequestView request(java.sql.ResultSet row) throws java.sql.SQLException {
        return new RequestView(row.getString("request_id"), row.getString("project_id"), row.getInt("tranche_no"),
                row.getLong("amount_fen"), row.getString("document_ref"), row.getString("reason"),
                row.getString("requested_by"), row.getObject("requested_on", LocalDate.class),
                row.getObject("expires_on", LocalDate.class), row.getInt("level"), row.getString("status"),
                row.getString("decided_by"), row.getObject("decided_on", LocalDate.class),
                row.getString("decision_reason"), row.getString("approval_version"));
    }
}
