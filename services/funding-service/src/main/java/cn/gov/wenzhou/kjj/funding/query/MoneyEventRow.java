package cn.gov.wenzhou.kjj.funding.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One money event of the audit trail.
 *
 * @param position        the event's global index: stable order and the pagination cursor
 * @param category        budget category (expenditure), or the category money moved to (adjustment)
 * @param counterCategory the category money moved from (adjustment)
 * @param actor           who caused it (the token's subject, or {@code system:...})
 * @param businessDate    the date of the money movement (Asia/Shanghai)
 * @param recordedAt      when the service recorded it (UTC)
 * @param documentRef     payment order, voucher, approval or decision document reference
 * @param requestedBy     of a payment: who requested it (four-eyes approval); null otherwise
 * @param approvedBy      of a payment: the second person who approved it; null below the approval threshold
 * @param evidence        the stored evidence documents the event names, by SHA-256: each downloadable by finance at
 *                        {@code GET /api/documents/{sha256}}
 */
public record MoneyEventRow(long position, String eventId, String projectId, String callId,
                            String recipientCreditCode, String platformId, MoneyEventKind kind, long amountFen,
                            String category, String counterCategory, Integer trancheNumber, LocalDate businessDate,
                            Instant recordedAt, String actor, String actorRole, String reason, String documentRef,
                            String parameterVersion, String requestedBy, String approvedBy, List<String> evidence) {

    /** As the column holds them: comma-separated, in the event's order; null or empty for none. */
    static List<String> evidenceOf(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
    }

    static String evidenceColumn(List<String> evidence) {
        return evidence == null || evidence.isEmpty() ? null : String.join(",", evidence);
    }
}
