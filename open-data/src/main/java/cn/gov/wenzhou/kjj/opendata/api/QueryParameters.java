package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.query.Slice;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.DateTimeException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The list endpoints' parameters, checked at the boundary: every number bounded, every code shaped. The OpenAPI
 * document takes each parameter's schema from here ({@link #documented(String)}), so what it promises is what these
 * checks enforce.
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final Set<String> LEVELS = Set.of("MUNICIPAL", "PROVINCIAL", "NATIONAL");
    static final Set<String> STATUSES = Set.of("RECOGNIZED", "UNDER_RECTIFICATION", "REVOKED", "REAPPLIED");

    /**
     * A code (LUCHENG, PUMPS_VALVES) or a Chinese name (鹿城区, 泵阀). Written so that Java and the ECMA-262 dialect of
     * OpenAPI's {@code pattern} read it alike.
     */
    private static final String CODE_OR_NAME_REGEX = "[A-Z][A-Z0-9_]{0,59}|[\\p{Script=Han}·]{1,30}";
    private static final String ID_REGEX = "[A-Za-z0-9-]{1,64}";
    private static final Pattern CODE_OR_NAME = Pattern.compile(CODE_OR_NAME_REGEX);
    private static final Pattern ID = Pattern.compile(ID_REGEX);
    private static final Pattern CURSOR_PART = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private QueryParameters() {
    }

    static Integer year(String value) {
        if (value == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("limit", "must be from 1 to " + MAX_LIMIT);
    }

    static String codeOrName(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (!CODE_OR_NAME.matcher(value.trim()).matches()) {
            throw new InvalidParameterException(parameter, "must be a code (upper case) or a Chinese name");
        }
        return value.trim();
    }

    static String oneOf(String parameter, String value, Set<String> allowed) {
        if (value == null) {
            return null;
        }
        if (!allowed.contains(value.trim())) {
            throw new InvalidParameterException(parameter, "must be one of " + String.join(", ", allowed.stream()
                    .sorted().toList()));
        }
        return value.trim();
    }

    static String id(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidParameterException(parameter, "is not an id");
        }
        return value;
    }

    /** Cursors are opaque to clients: {@code <list>|<key>|<key>} in base64url. */
    static String cursor(String list, Slice.Keyset after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (list + "|" + after.first() + "|" + after.second()).getBytes(StandardCharsets.UTF_8));
    }

    /** @param firstKey what the list's first sort key must be (a credit code, a date, a year) */
    static Slice.Keyset cursor(String list, String value, Predicate<String> firstKey) {
        if (value == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(list) && CURSOR_PART.matcher(parts[1]).matches()
                    && CURSOR_PART.matcher(parts[2]).matches() && firstKey.test(parts[1])) {
                return new Slice.Keyset(parts[1], parts[2]);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // reported below
        }
        throw new InvalidParameterException("cursor", "is not a cursor of this list (take it from the last page's next)");
    }

    /**
     * The schema of a parameter as these checks take it, by the name the endpoints give it.
     *
     * @throws IllegalStateException for a parameter with no check here: every parameter of the API has one
     */
    static Schema<?> documented(String parameter) {
        return switch (parameter) {
            case "year" -> typed("integer").minimum(BigDecimal.valueOf(FIRST_YEAR))
                    .maximum(BigDecimal.valueOf(LAST_YEAR));
            case "limit" -> typed("integer").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(MAX_LIMIT))
                    ._default(DEFAULT_LIMIT);
            case "district", "industry" -> typed("string").pattern(anchored(CODE_OR_NAME_REGEX));
            case "level" -> oneOf(LEVELS);
            case "status" -> oneOf(STATUSES);
            case "platformId", "callId", "projectId" -> typed("string").pattern(anchored(ID_REGEX));
            case "cursor" -> typed("string").description("opaque: the previous page's next carries it");
            default -> throw new IllegalStateException("the parameter " + parameter + " has no check to document");
        };
    }

    private static Schema<?> oneOf(Set<String> values) {
        Schema<Object> schema = new Schema<>();
        schema.setType("string");
        schema.setTypes(Set.of("string"));
        schema.setEnum(List.copyOf(values.stream().sorted().toList()));
        return schema;
    }

    private static Schema<?> typed(String type) {
        return OpenApiDocumentation.typed(type);
    }

    /** OpenAPI's patterns match anywhere in the value; these checks match the whole of it. */
    private static String anchored(String regex) {
        return "^(?:" + regex + ")$";
    }
}
