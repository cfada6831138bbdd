package cn.gov.wenzhou.kjj.testsupport;

import java.util.List;

/**
 * JSON values that a request must not take for a business date (which is {@code YYYY-MM-DD} or absent): an empty
 * string or array, an array of numbers, date-times with and without a zone, a number of days. One list for every
 * service's API test of its date fields; the shared reader's own unit test covers many more.
 */
public final class NotBusinessDates {

    public static final List<String> JSON_VALUES = List.of("\"\"", "[]", "[2024,1,2]", "\"2024-01-02T10:00:00\"",
            "\"2024-01-02T00:00:00Z\"", "19725");

    private NotBusinessDates() {
    }
}
