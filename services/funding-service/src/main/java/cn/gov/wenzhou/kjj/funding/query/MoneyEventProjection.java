package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.AwardDecision;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The finance audit trail: every money event of every project, one row each, with who (from the event's metadata),
 * when, why, the document and the parameter version. Rows are keyed by the event's global index in the store, so
 * pages are stable and a rebuild reproduces them exactly. The project's call and recipient come from its own award row, so this
 * projection depends on no other view.
 */
@Component
@ProcessingGroup(MoneyEventProjection.NAME)
public class MoneyEventProjection {

    public static final String NAME = "finance-audit-trail";
    public static final List<String> TABLES = List.of("money_event");

    private static final String COLUMNS = """
            position, event_id, project_id, call_id, recipient_credit_code, platform_id, kind, amount_fen, category,
            counter_category, tranche_no, business_date, recorded_at, actor, actor_role, reason, document_ref,
            parameter_version, requested_by, approved_by, evidence""";
    /*
     * A row's position is the event's own global index, looked up by the store's unique event identifier. The
     * tracking token's position is not the index: an event that commits after a later-numbered one (concurrent
     * writers) fills a gap, and its token carries the high-water mark, which is another event's index.
     */
    private static final String INSERT_AWARD = "insert into money_event (" + COLUMNS + """
            ) select d.global_index, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            from domain_event_entry d where d.event_identifier = ?""";
    /* The award row gives call, recipient and platform: no query of its own. */
    private static final String INSERT_AFTER_AWARD = "insert into money_event (" + COLUMNS + """
            ) select d.global_index, ?, a.project_id, a.call_id, a.recipient_credit_code, a.platform_id,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            from domain_event_entry d join money_event a on a.project_id = ? and a.kind = 'AWARD'
            where d.event_identifier = ?""";

    private static final String PENDING = MoneyEventProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    public MoneyEventProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectAwarded e, EventMessage<?> message) {
        AwardDecision decision = e.decision();
        Row row = new Row(MoneyEventKind.AWARD, e.money().awardFen(), null, null, null, decision.awardedOn(),
                "award of " + e.title(), decision.documentRef(), decision.parameterVersion(), null, null,
                decision.evidence());
        List<Object> values = new ArrayList<>(Arrays.asList(message.getIdentifier(), e.projectId(), decision.callId(),
                e.recipient().creditCode(), e.recipient().platformId()));
        values.addAll(row.values(message));
        values.add(message.getIdentifier());
        insert(INSERT_AWARD, values, message);
    }

    @EventHandler
    void on(TrancheDisbursed e, EventMessage<?> message) {
        insertForProject(e.projectId(), message, new Row(MoneyEventKind.DISBURSEMENT, e.amountFen(), null, null,
                e.trancheNumber(), e.disbursedOn(), e.reason(), e.documentRef(), e.parameterVersion(), e.requestedBy(),
                e.approvedBy(), e.evidence()));
    }

    @EventHandler
    void on(ExpenditureRecorded e, EventMessage<?> message) {
        insertForProject(e.projectId(), message, new Row(MoneyEventKind.EXPENDITURE, e.amountFen(), e.category(),
                null, null, e.spentOn(), e.purpose(), e.voucherRef(), e.parameterVersion(), null, null,
                e.evidence()));
    }

    @EventHandler
    void on(BudgetAdjusted e, EventMessage<?> message) {
        insertForProject(e.projectId(), message, new Row(MoneyEventKind.ADJUSTMENT, e.amountFen(), e.toCategory(),
                e.fromCategory(), null, e.adjustedOn(), e.reason(), e.hostApprovalRef(), e.parameterVersion(), null,
                null, e.evidence()));
    }

    @EventHandler
    void on(FundsRecovered e, EventMessage<?> message) {
        insertForProject(e.projectId(), message, new Row(MoneyEventKind.RECOVERY, e.amountFen(), null, null, null,
                e.recoveredOn(), "recovery after termination", e.documentRef(), e.parameterVersion(), null, null,
                e.evidence()));
    }

    @EventHandler
    void on(ProjectClosed e, EventMessage<?> message) {
        insertForProject(e.projectId(), message, new Row(MoneyEventKind.BALANCE_SETTLEMENT, e.balanceFen(), null,
                null, null, e.closedOn(), e.outcome() + ": balance " + e.disposition(), e.documentRef(),
                e.parameterVersion(), null, null, e.evidence()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from money_event");
    }

    /** A money event after the award: its call, recipient and platform are the award row's. */
    private void insertForProject(String projectId, EventMessage<?> message, Row row) {
        List<Object> values = new ArrayList<>();
        values.add(message.getIdentifier());
        values.addAll(row.values(message));
        values.add(projectId);
        values.add(message.getIdentifier());
        insert(INSERT_AFTER_AWARD, values, message);
    }

    private void insert(String sql, List<Object> values, EventMessage<?> message) {
        Pending row = new Pending(sql, values.toArray(), message.getIdentifier());
        if (!CurrentUnitOfWork.isStarted()) {
            flush(List.of(row));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(PENDING, key -> {
            List<Pending> rows = new ArrayList<>();
            batch.onPrepareCommit(u -> flush(rows));
            return rows;
        }).add(row);
    }

    /**
     * Writes a processor batch's rows just before its transaction commits, in event order: consecutive rows of the
     * same statement go in one JDBC batch (an award precedes, in its own batch, the rows that join it).
     */
    private void flush(List<Pending> rows) {
        int from = 0;
        while (from < rows.size()) {
            String sql = rows.get(from).sql();
            int to = from;
            while (to < rows.size() && rows.get(to).sql().equals(sql)) {
                to++;
            }
            List<Pending> run = rows.subList(from, to);
            int[] counts = jdbc.batchUpdate(sql, run.stream().map(Pending::values).toList());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    throw new IllegalStateException("money event " + run.get(i).eventId()
                            + " is not in the event store, or its project has no award row");
                }
            }
            from = to;
        }
    }

    private record Pending(String sql, Object[] values, String eventId) {
    }

    /** What a money event says for itself, in column order from {@code kind} to {@code parameter_version}. */
    private record Row(MoneyEventKind kind, long amountFen, String category, String counterCategory,
                       Integer trancheNo, LocalDate businessDate, String reason, String documentRef,
                       String parameterVersion, String requestedBy, String approvedBy, List<String> evidence) {

        List<Object> values(EventMessage<?> message) {
            Map<String, ?> metadata = message.getMetaData();
            return Arrays.asList(kind.name(), amountFen, category, counterCategory, trancheNo, businessDate,
                    Timestamp.from(message.getTimestamp()), text(metadata.get(Actor.SUBJECT_KEY)),
                    text(metadata.get(Actor.ROLE_KEY)), reason, documentRef, parameterVersion, requestedBy, approvedBy,
                    MoneyEventRow.evidenceColumn(evidence));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
