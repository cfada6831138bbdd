package cn.gov.wenzhou.kjj.console.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How the pages show money and time ({@code ${@fmt...}} in templates): yuan with two decimals and thousands
 * separators, computed from fen with integer arithmetic; instants as business-calendar times (Asia/Shanghai).
 */
@Component("fmt")
public class Formats {


    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** 123456789 fen → "1,234,567.89"; a null shows as a dash. Never through a floating-point number. */
    public String yuan(Object fen) {
        if (fen == null) {
            return "—";
        }
        long value = fen instanceof Number number ? exactLong(number) : Long.parseLong(fen.toString());
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(BigDecimal.valueOf(value, 2));
    }

    /** A yuan amount typed by a user ("1,234.5") → fen; null when it is not an amount with at most two decimals. */
    public static Long fenOf(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(yuan.trim().replace(",", ""));
            return amount.scale() > 2 ? null : amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** An instant (ISO-8601 text or {@link Instant}) as a time in the business calendar. */
    public String time(Object instant) {
        Instant at = instantOf(instant);
        return at == null ? "—" : DATE_TIME.format(at.atZone(BUSINESS_ZONE));
    }

    /** The business date of an instant. */
    public String date(Object instant) {
        Instant at = instantOf(instant);
        return at == null ? (instant == null ? "—" : instant.toString()) : at.atZone(BUSINESS_ZONE).toLocalDate()
                .toString();
    }

    /** The label of a bilingual pair the services send (e.g. labelZh / labelEn), for the page's language. */
    public String pick(Object zh, Object en) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Object chosen = english && en != null ? en : zh;
        return chosen == null ? "" : chosen.toString();
    }

    /** A decimal a service sent (a score), as written: "50", "86.5", never "5E+1". */
    public String decimal(Object number) {
        if (number == null) {
            return "—";
        }
        return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
    }

    public String count(Object number) {
        if (number == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(number instanceof Number n ? exactLong(n) : Long.parseLong(number.toString()));
    }

    private static long exactLong(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (number instanceof java.math.BigInteger integer) {
            return integer.longValueExact();
        }
        if (number instanceof Double || number instanceof Float) {
            throw new IllegalArgumentException("amounts are whole fen, never floating point: " + number);
        }
        return number.longValue();
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
