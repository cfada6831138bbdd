package cn.gov.wenzhou.kjj.support.domain;

import java.time.LocalDate;

/**
 * The domain bounds every service applies to the numbers that enter it, at the REST boundary (Bean Validation on the
 * request, {@code 400} naming the field, published as {@code minimum}/{@code maximum} in the OpenAPI schema) and again
 * in the aggregate (the same {@code 400}). They are chosen so that no total the system keeps can leave a {@code long}:
 * a city total of {@value #MAX_FEN} fen for each of ten thousand platforms over a century is 10^18 fen, below
 * {@link Long#MAX_VALUE} (9.2 × 10^18); sums are {@link Math#addExact} all the same, so a value from before these
 * bounds (already in an event store) fails loudly instead of wrapping.
 */
public final class Bounds {

    /** Any one amount of money: 10,000,000,000.00 yuan, far above any project or platform-year of the city. */
    public static final long MAX_FEN = 1_000_000_000_000L;
    /** Years of business (evaluation, call, recognition): the system's records start in 2000. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    /** The earliest business date a request may carry. */
    public static final LocalDate MIN_DATE = LocalDate.of(MIN_YEAR, 1, 1);
    /** Pages of a list: page numbers from 0 up to this. */
    public static final int MAX_PAGE = 100_000;

    private Bounds() {
    }

    /** {@code value} itself, or a {@code 400} naming {@code field} when it is outside {@code [min, max]}. */
    public static long within(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** An amount of money in fen: {@code 0} to {@value #MAX_FEN}. */
    public static long fen(long value, String field) {
        return within(value, 0, MAX_FEN, field);
    }

    public static int year(int value, String field) {
        return (int) within(value, MIN_YEAR, MAX_YEAR, field);
    }

    /** A business date not before {@link #MIN_DATE}. */
    public static LocalDate notBeforeMinimum(LocalDate date, String field) {
        if (date.isBefore(MIN_DATE)) {
            throw new InvalidInputException(field, "must not be before " + MIN_DATE);
        }
        return date;
    }
}
