package cn.gov.wenzhou.kjj.console.finance;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running totals of the audit trail across its keyset pages, per kind of money event, kept in the user's session:
 * the opening totals of a page are the previous page's closing totals, remembered when that page was shown. A page
 * reached without its predecessor (a bookmark, a new session) starts its running totals at itself, and says so: the
 * console never shows a total it cannot vouch for. Sums use {@link Math#addExact}.
 */
final class RunningTotals implements Serializable {

    static final String SESSION_KEY = RunningTotals.class.getName();
    private static final int REMEMBERED_PAGES = 500;

    private final LinkedHashMap<String, Map<String, Long>> openings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Long>> eldest) {
            return size() > REMEMBERED_PAGES;
        }
    };

    /** The opening totals of the page after {@code cursor} under {@code filter}; null when not known here. */
    synchronized Map<String, Long> openingOf(String filter, String cursor) {
        if (cursor == null) {
            return Map.of();
        }
        return openings.get(filter + "|" + cursor);
    }

    synchronized void remember(String filter, String nextCursor, Map<String, Long> closing) {
        if (nextCursor != null) {
            openings.put(filter + "|" + nextCursor, Map.copyOf(closing));
        }
    }

    static Map<String, Long> plus(Map<String, Long> totals, String kind, long amountFen) {
        Map<String, Long> next = new LinkedHashMap<>(totals);
        next.merge(kind, amountFen, Math::addExact);
        return next;
    }
}
