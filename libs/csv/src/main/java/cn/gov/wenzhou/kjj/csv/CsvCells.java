package cn.gov.wenzhou.kjj.csv;

import java.math.BigDecimal;

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet. Text that a spreadsheet would read as a formula — starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (OWASP "CSV injection") — is prefixed with
 * an apostrophe, so it shows as the text it is and never runs. Numbers are written as they are: a negative amount is a
 * number, not a formula (a {@link BigDecimal} in plain digits, never in exponent form). Every export shares it: the
 * money events, the enrollments, the 360Giving flat file.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        boolean formula = !(value instanceof Number) && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        if (formula) {
            text = "'" + text;
        }
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
