package cn.gov.wenzhou.kjj.bench.explore;

import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ExpenditureRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.TrancheDisbursed;
import cn.gov.wenzhou.kjj.support.security.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exploration only ({@code --with batched-audit-trail}, rebuilt as {@code bench-audit-batched}): the finance audit
 * trail's rows for awards, disbursements and expenditures, written the way a projection can be fast: the award a row
 * needs is remembered instead of queried per event, and the rows of a processor batch go to PostgreSQL in one JDBC
 * batch when the batch commits. Same rows as {@code MoneyEventProjection}, in a copy of its table.
 */
@Component
@ProcessingGroup(BatchedAuditTrail.NAME)
public class BatchedAuditTrail {

    public static final String NAME = "bench-audit-batched";
    private static final String ROWS = BatchedAuditTrail.class.getName() + ".rows";
    private static final String INSERT = """
            insert into bench_money_event (position, event_id, project_id, call_id, recipient_credit_code,
                platform_id, kind, amount_fen, category, counter_category, tranche_no, business_date, recorded_at,
                actor, actor_role, reason, document_ref, parameter_version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final Map<String, Award> awards = new ConcurrentHashMap<>();

    public BatchedAuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("create table if not exists bench_money_event (like money_event including defaults)");
        jdbc.execute("create unique index if not exists bench_money_event_id on bench_money_event (event_id)");
        jdbc.execute("create index if not exists bench_money_event_project on bench_money_event (project_id)");
    }

    @EventHandler
    void on(ProjectAwarded e, EventMessage<?> message, TrackingToken token) {
        awards.put(e.projectId(), new Award(e.decision().callId(), e.recipient().creditCode(),
                e.recipient().platformId()));
        row(token, message, e.projectId(), awards.get(e.projectId()), "AWARD", e.money().awardFen(), null, null,
                e.decision().awardedOn(), "award of " + e.title(), e.decision().documentRef(),
                e.decision().parameterVersion());
    }

    @EventHandler
    void on(TrancheDisbursed e, EventMessage<?> message, TrackingToken token) {
        row(token, message, e.projectId(), award(e.projectId()), "DISBURSEMENT", e.amountFen(), null,
                e.trancheNumber(), e.disbursedOn(), e.reason(), e.documentRef(), e.parameterVersion());
    }

    @EventHandler
    void on(ExpenditureRecorded e, EventMessage<?> message, TrackingToken token) {
        row(token, message, e.projectId(), award(e.projectId()), "EXPENDITURE", e.amountFen(), e.category(), null,
                e.spentOn(), e.purpose(), e.voucherRef(), e.parameterVersion());
    }

    @ResetHandler
    void reset() {
        awards.clear();
        jdbc.update("delete from bench_money_event");
    }

    private Award award(String projectId) {
        return awards.computeIfAbsent(projectId, id -> jdbc.queryForObject("""
                        select call_id, recipient_credit_code, platform_id from bench_money_event
                        where project_id = ? and kind = 'AWARD'""",
                (rs, i) -> new Award(rs.getString(1), rs.getString(2), rs.getString(3)), id));
    }

    private void row(TrackingToken token, EventMessage<?> message, String projectId, Award award, String kind,
                     long amountFen, String category, Integer trancheNo, LocalDate businessDate, String reason,
                     String documentRef, String parameterVersion) {
        Map<String, ?> metadata = message.getMetaData();
        Object[] row = {token.position().orElseThrow(), message.getIdentifier(), projectId, award.callId,
                award.recipient, award.platformId, kind, amountFen, category, null, trancheNo, businessDate,
                Timestamp.from(message.getTimestamp()), text(metadata.get(Actor.SUBJECT_KEY)),
                text(metadata.get(Actor.ROLE_KEY)), reason, documentRef, parameterVersion};
        pendingRows().add(row);
    }

    private List<Object[]> pendingRows() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(ROWS, key -> {
            List<Object[]> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> jdbc.batchUpdate(INSERT, rows));
            return rows;
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private record Award(String callId, String recipient, String platformId) {
    }
}
