package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.BudgetAdjusted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ExpenditureRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.FundsRecovered;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectClosed;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.TrancheDisbursed;
import cn.gov.wenzhou.kjj.support.security.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The finance audit trail: every money event of every project, one row each, with who (from the event's metadata),
 * when, why, the document and the parameter version. Rows are keyed by the event's global index in the store, so pages are stable
 * and a rebuild reproduces them exactly. The project's call and recipient come from its own award row, so this
 * projection depends on no other view.
 */
@Component
@ProcessingGroup(MoneyEventProjection.NAME)
public class MoneyEventProjection {

    public static final String NAME = "finance-audit-trail";
    public static final List<String> TABLES = List.of("money_event");

    private final JdbcTemplate jdbc;

    public MoneyEventProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectAwarded e, EventMessage<?> message) {
        insert(message, e.projectId(), e.callId(), e.recipientCreditCode(), e.recipientPlatformId(),
                MoneyEventKind.AWARD, e.awardFen(), null, null, null, e.awardedOn(), "award of " + e.title(),
                e.documentRef(), e.parameterVersion());
    }

    @EventHandler
    void on(TrancheDisbursed e, EventMessage<?> message) {
        Award award = award(e.projectId());
        insert(message, e.projectId(), award.callId, award.recipient, award.platformId,
                MoneyEventKind.DISBURSEMENT, e.amountFen(), null, null, e.trancheNumber(), e.disbursedOn(),
                e.reason(), e.documentRef(), e.parameterVersion());
    }

    @EventHandler
    void on(ExpenditureRecorded e, EventMessage<?> message) {
        Award award = award(e.projectId());
        insert(message, e.projectId(), award.callId, award.recipient, award.platformId,
                MoneyEventKind.EXPENDITURE, e.amountFen(), e.category(), null, null, e.spentOn(), e.purpose(),
                e.voucherRef(), e.parameterVersion());
    }

    @EventHandler
    void on(BudgetAdjusted e, EventMessage<?> message) {
        Award award = award(e.projectId());
        insert(message, e.projectId(), award.callId, award.recipient, award.platformId,
                MoneyEventKind.ADJUSTMENT, e.amountFen(), e.toCategory(), e.fromCategory(), null, e.adjustedOn(),
                e.reason(), e.hostApprovalRef(), e.parameterVersion());
    }

    @EventHandler
    void on(FundsRecovered e, EventMessage<?> message) {
        Award award = award(e.projectId());
        insert(message, e.projectId(), award.callId, award.recipient, award.platformId,
                MoneyEventKind.RECOVERY, e.amountFen(), null, null, null, e.recoveredOn(), "recovery after termination",
                e.documentRef(), e.parameterVersion());
    }

    @EventHandler
    void on(ProjectClosed e, EventMessage<?> message) {
        Award award = award(e.projectId());
        insert(message, e.projectId(), award.callId, award.recipient, award.platformId,
                MoneyEventKind.BALANCE_SETTLEMENT, e.balanceFen(), null, null, null, e.closedOn(),
                e.outcome() + ": balance " + e.disposition(), e.documentRef(), e.parameterVersion());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from money_event");
    }

    private void insert(EventMessage<?> message, String projectId, String callId,
                        String recipient, String platformId, MoneyEventKind kind, long amountFen, String category,
                        String counterCategory, Integer trancheNo, LocalDate businessDate, String reason,
                        String documentRef, String parameterVersion) {
        Map<String, ?> metadata = message.getMetaData();
        // The row's position is the event's own global index. The tracking token's position is not: an event that
        // commits after a later-numbered one (concurrent writers) fills a gap, and its token carries the high-water
        // mark, which is another event's index. The lookup is by the store's unique event identifier.
        int inserted = jdbc.update("""
                        insert into money_event (position, event_id, project_id, call_id, recipient_credit_code,
                            platform_id, kind, amount_fen, category, counter_category, tranche_no, business_date,
                            recorded_at, actor, actor_role, reason, document_ref, parameter_version)
                        select global_index, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                        from domain_event_entry where event_identifier = ?""",
                message.getIdentifier(), projectId, callId, recipient, platformId,
                kind.name(), amountFen, category, counterCategory, trancheNo, businessDate,
                Timestamp.from(message.getTimestamp()), text(metadata.get(Actor.SUBJECT_KEY)),
                text(metadata.get(Actor.ROLE_KEY)), reason, documentRef, parameterVersion, message.getIdentifier());
        if (inserted != 1) {
            throw new IllegalStateException("money event " + message.getIdentifier() + " is not in the event store");
        }
    }

    private Award award(String projectId) {
        return jdbc.queryForObject("""
                        select call_id, recipient_credit_code, platform_id from money_event
                        where project_id = ? and kind = 'AWARD'""",
                (rs, i) -> new Award(rs.getString(1), rs.getString(2), rs.getString(3)), projectId);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private record Award(String callId, String recipient, String platformId) {
    }
}
