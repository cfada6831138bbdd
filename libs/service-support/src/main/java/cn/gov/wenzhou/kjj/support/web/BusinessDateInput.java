package cn.gov.wenzhou.kjj.support.web;

import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.core.convert.converter.Converter;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * How a business date enters any service: {@code YYYY-MM-DD} between {@link Bounds#MIN_DATE} and the end of
 * {@link Bounds#MAX_YEAR}, or absent. Jackson's own {@code LocalDate} reader is lenient in ways that silently change
 * what a user meant: {@code ""} and {@code []} become "no date" (and a service then records today), a date-time loses
 * its time and, with {@code Z}, moves to the UTC day, {@code [2024,1,2]} and epoch-day numbers are dates. Here every one
 * of those is a {@code 400} naming the field. In JSON, absent means the field is missing or {@code null}; in a query
 * string, where an empty form field arrives as {@code ?date=}, an empty value is absent too.
 */
public final class BusinessDateInput {

    public static final String FORMAT = "YYYY-MM-DD";
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate MAX_DATE = LocalDate.of(Bounds.MAX_YEAR, 12, 31);

    private BusinessDateInput() {
    }

    /**
     * A business date a request may leave out: absent means today (the business calendar's, from {@code clock}); one
     * after today is a {@code 400} naming the field (nothing is recorded in advance).
     */
    public static LocalDate orToday(LocalDate date, String field, Clock clock) {
        return orToday(date, field, BusinessCalendar.today(clock));
    }

    /** {@link #orToday(LocalDate, String, Clock)} against a today the caller already took. */
    public static LocalDate orToday(LocalDate date, String field, LocalDate today) {
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(field, "must not be in the future");
        }
        return Bounds.notBeforeMinimum(date, field);
    }

    /** Why {@code text} is not a business date, or {@code null} when it is one. */
    static String problemWith(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return "must be a date as " + FORMAT;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, STRICT);
        } catch (DateTimeParseException e) {
            return "is not a calendar date";
        }
        if (date.isBefore(Bounds.MIN_DATE) || date.isAfter(MAX_DATE)) {
            return "must be between " + Bounds.MIN_DATE + " and " + MAX_DATE;
        }
        return null;
    }

    /** The date {@code text} names; only call after {@link #problemWith} said it has none. */
    private static LocalDate parse(String text) {
        return LocalDate.parse(text, STRICT);
    }

    /** A JSON value that is not a business date: the field is named by the path Jackson adds on the way out. */
    public static final class NotABusinessDate extends MismatchedInputException {

        NotABusinessDate(JsonParser parser, String problem) {
            super(parser, problem, LocalDate.class);
        }

        /** The reason alone, without Jackson's location suffix, for the problem detail. */
        public String problem() {
            return getOriginalMessage();
        }
    }

    /** Replaces Jackson's {@code LocalDate} reader in the REST API's ObjectMapper. */
    public static final class Deserializer extends StdScalarDeserializer<LocalDate> {

        public Deserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // JSON null never reaches here: Jackson maps it to absent (getNullValue) before calling a deserializer
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new NotABusinessDate(parser, "must be a date as " + FORMAT);
            }
            String text = parser.getText();
            String problem = problemWith(text);
            if (problem != null) {
                throw new NotABusinessDate(parser, problem);
            }
            return parse(text);
        }
    }

    /**
     * Query and path parameters ({@code ?date=}). Registered after Spring's own formatters so that it wins over them,
     * {@code @DateTimeFormat(iso = DATE)} included (that one also takes {@code 2024-01-02+08:00}).
     */
    public static final class ParameterConverter implements Converter<String, LocalDate> {

        @Override
        public LocalDate convert(String text) {
            if (text.isEmpty()) {
                return null;
            }
            String problem = problemWith(text);
            if (problem != null) {
                throw new NotABusinessDateParameter(problem);
            }
            return parse(text);
        }
    }

    /** A query or path parameter that is not a business date; its message is the reason alone. */
    public static final class NotABusinessDateParameter extends IllegalArgumentException {

        NotABusinessDateParameter(String problem) {
            super(problem);
        }
    }
}
