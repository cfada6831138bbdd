package cn.gov.wenzhou.kjj.funding.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which money events an auditor asks for: a project, a recipient (credit code), a programme (call), a period of
 * business dates (inclusive), a kind. Empty fields do not filter.
 */
public record AuditFilter(String projectId, String recipientCreditCode, String callId, LocalDate from, LocalDate to,
                          MoneyEventKind kind) {

    /** The SQL condition and its arguments; always starts with a valid predicate so callers can append. */
    Sql where() {
        StringBuilder sql = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        // "between ? and ?" on one value instead of "= ?": see orderBy()
        if (projectId != null) {
            sql.append(" and project_id between ? and ?");
            args.add(projectId);
            args.add(projectId);
        }
        if (recipientCreditCode != null) {
            sql.append(" and recipient_credit_code between ? and ?");
            args.add(recipientCreditCode);
            args.add(recipientCreditCode);
        }
        if (callId != null) {
            sql.append(" and call_id between ? and ?");
            args.add(callId);
            args.add(callId);
        }
        if (from != null) {
            sql.append(" and business_date >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" and business_date <= ?");
            args.add(to);
        }
        if (kind != null) {
            sql.append(" and kind = ?");
            args.add(kind.name());
        }
        return new Sql(sql.toString(), args);
    }

    /**
     * The order of the rows: always by position, written so that PostgreSQL walks the filter's own index
     * (filter column, position) and stops after the page, whatever the distribution of the rows. With a plain
     * {@code order by position} the planner may walk the primary key and filter, reading most of the table when a
     * project's events are recent (measured: 90,000 rows read for a 50-row page). The filter column is compared with
     * {@code between} on one value rather than {@code =}, because with {@code =} the planner drops the column from the
     * sort key and is back to the primary key.
     */
    String orderBy() {
        if (projectId != null) {
            return " order by project_id, position";
        }
        if (recipientCreditCode != null) {
            return " order by recipient_credit_code, position";
        }
        if (callId != null) {
            return " order by call_id, position";
        }
        return " order by position";
    }

    record Sql(String text, List<Object> args) {
    }
}
