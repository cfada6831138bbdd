package cn.gov.wenzhou.kjj.funding.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the finance audit trail: keyset pages, streams for export, totals by kind. */
@Component
public class AuditTrail {

    static final String COLUMNS = """
            position, event_id, project_id, call_id, recipient_credit_code, platform_id, kind, amount_fen, category,
            counter_category, tranche_no, business_date, recorded_at, actor, actor_role, reason, document_ref,
            parameter_version, requested_by, approved_by, evidence""";

    static final RowMapper<MoneyEventRow> ROW = (rs, i) -> new MoneyEventRow(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), MoneyEventKind.valueOf(rs.getString(7)),
            rs.getLong(8), rs.getString(9), rs.getString(10), (Integer) rs.getObject(11),
            rs.getObject(12, java.time.LocalDate.class), rs.getTimestamp(13).toInstant(), rs.getString(14),
            rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
            rs.getString(20), MoneyEventRow.evidenceOf(rs.getString(21)));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public AuditTrail(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size: rows never pile up
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One page after the cursor (a position; null for the first page), in event-store order. */
    public Page page(AuditFilter filter, Long after, int limit) {
        AuditFilter.Sql where = filter.where();
        List<Object> args = new ArrayList<>(where.args());
        String sql = "select " + COLUMNS + " from money_event" + where.text();
        if (after != null) {
            sql += " and position > ?";
            args.add(after);
        }
        sql += filter.orderBy() + " limit ?";
        args.add(limit + 1);
        List<MoneyEventRow> rows = jdbc.query(sql, ROW, args.toArray());
        boolean more = rows.size() > limit;
        List<MoneyEventRow> items = more ? rows.subList(0, limit) : rows;
        String next = more ? String.valueOf(items.get(items.size() - 1).position()) : null;
        return new Page(List.copyOf(items), next);
    }

    /**
     * Every matching row, in order, handed to {@code sink} one at a time from a database cursor. The cursor stays open
     * while the client downloads, so this transaction alone lifts the services' statement timeout.
     */
    public void stream(AuditFilter filter, Consumer<MoneyEventRow> sink) {
        AuditFilter.Sql where = filter.where();
        readOnly.executeWithoutResult(status -> {
            streaming.execute("set local statement_timeout = 0");
            streaming.query("select " + COLUMNS + " from money_event" + where.text() + filter.orderBy(),
                    rs -> {
                        sink.accept(ROW.mapRow(rs, 0));
                    }, where.args().toArray());
        });
    }

    /** Sum and count of each kind of money event matching the filter. */
    public Map<MoneyEventKind, long[]> totals(AuditFilter filter) {
        AuditFilter.Sql where = filter.where();
        Map<MoneyEventKind, long[]> totals = new EnumMap<>(MoneyEventKind.class);
        for (MoneyEventKind kind : MoneyEventKind.values()) {
            totals.put(kind, new long[]{0, 0});
        }
        jdbc.query("select kind, coalesce(sum(amount_fen), 0), count(*) from money_event" + where.text()
                + " group by kind", rs -> {
            totals.put(MoneyEventKind.valueOf(rs.getString(1)), new long[]{rs.getLong(2), rs.getLong(3)});
        }, where.args().toArray());
        return totals;
    }

    public record Page(List<MoneyEventRow> items, String nextCursor) {
    }
}
