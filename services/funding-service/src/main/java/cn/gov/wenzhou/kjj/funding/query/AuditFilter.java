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
        if (projectId != null) {
            sql.append(" and project_id = ?");
            args.add(projectId);
        }
        if (recipientCreditCode != null) {
            sql.append(" and recipient_credit_code = ?");
            args.add(recipientCreditCode);
        }
        if (callId != null) {
            sql.append(" and call_id = ?");
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

    record Sql(String text, List<Object> args) {
    }
}
