package cn.gov.wenzhou.kjj.console.inbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;

/**
 * One notice of the signed-in user's inbox, from whichever service sent it, in the shape the page shows.
 *
 * @param source     {@code REGISTRY} (平台) or {@code FUNDING} (资金)
 * @param noticeId   the sending service's id of the notice
 * @param kind       the registry's kind (e.g. {@code ANNUAL_REPORT_MISSING}) or funding's notice type
 *                   (e.g. {@code OVERDUE})
 * @param year       the registry's evaluation year; null for funding
 * @param report     funding's report kind (e.g. {@code PROGRESS}); null for the registry
 * @param subject    the platform's name or the project's title (the project id where the title is not known)
 * @param href       the console page of that platform or project for this user; null where it has none
 * @param dueOn      the due date or the rectification deadline
 * @param authority  the district authority following a rectification up; null otherwise
 * @param recipient  for a notice to a role rather than to the user's organisation, the role (e.g.
 *                   {@code FUNDING_SUPERVISOR}); null otherwise
 * @param on         the business day the notice was recorded, the order of the inbox
 */
public record InboxNotice(String source, String noticeId, String kind, Integer year, String report, String subject,
                          String href, LocalDate dueOn, String authority, String recipient, LocalDate on) {

    public static final String REGISTRY = "REGISTRY";
    public static final String FUNDING = "FUNDING";

    /** Newest first; on one day the registry's before funding's, each in the order its service gave. */
    public static final Comparator<InboxNotice> NEWEST_FIRST =
            Comparator.comparing(InboxNotice::on, Comparator.nullsLast(Comparator.reverseOrder()));

    /** A notice as the registry's {@code /api/notices} gives it. */
    public static InboxNotice fromRegistry(Map<String, Object> notice, String href) {
        Object year = notice.get("year");
        return new InboxNotice(REGISTRY, text(notice, "noticeId"), text(notice, "kind"),
                year instanceof Number n ? n.intValue() : null, null, text(notice, "name"), href,
                date(text(notice, "dueOn")), text(notice, "supervisingAuthority"), null,
                date(text(notice, "recordedOn")));
    }

    /** A notice as funding's {@code /api/reporting/notices} gives it; its day is the business day it was issued on. */
    public static InboxNotice fromFunding(Map<String, Object> notice, String href) {
        String title = text(notice, "projectTitle");
        String recipient = "ROLE".equals(text(notice, "recipientType")) ? text(notice, "recipientRef") : null;
        return new InboxNotice(FUNDING, text(notice, "noticeId"), text(notice, "type"), null, text(notice, "kind"),
                title != null ? title : text(notice, "projectId"), href, date(text(notice, "dueOn")), null,
                recipient, date(text(notice, "issuedOn")));
    }

    public boolean fromRegistry() {
        return REGISTRY.equals(source);
    }

    private static String text(Map<String, Object> notice, String key) {
        Object value = notice.get(key);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
