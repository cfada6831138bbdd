package cn.gov.wenzhou.kjj.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON Canonicalization Scheme (RFC 8785) for the values a ledger entry holds: objects with members sorted by
 * their names' UTF-16 code units, no whitespace, strings with only the escapes RFC 8785 prescribes, literals. Numbers
 * are integers only, within ±(2^53 − 1), written in plain decimal: every amount is in fen, and those are exactly the
 * numbers whose ECMAScript form RFC 8785 defines as their plain decimal, so the rule stays exact without a
 * floating-point formatter. A fraction or a larger number is refused rather than written in a form two implementations
 * could disagree on.
 */
public final class CanonicalJson {

    /** The largest integer RFC 8785 (through IEEE 754 doubles) represents exactly. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Reads JSON exactly: duplicate member names are an error, big numbers stay exact. */
    static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private CanonicalJson() {
    }

    public static JsonNode parse(byte[] json) {
        try {
            return READER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    public static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical text of a JSON value. */
    public static String text(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** The canonical bytes (UTF-8) of a JSON value: what the ledger hashes. */
    public static byte[] bytes(JsonNode value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                value.fieldNames().forEachRemaining(names::add);
                names.sort(String::compareTo); // String order is UTF-16 code-unit order, as RFC 8785 §3.2.3 wants
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(value.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> items = value.elements();
                boolean first = true;
                while (items.hasNext()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(items.next(), out);
                }
                out.append(']');
            }
            case STRING -> string(value.textValue(), out);
            case BOOLEAN -> out.append(value.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> out.append(integer(value));
            default -> throw new IllegalArgumentException("a ledger entry holds no " + value.getNodeType());
        }
    }

    private static long integer(JsonNode number) {
        if (!number.isIntegralNumber() && !(number.isBigDecimal() && isWhole(number))) {
            throw new IllegalArgumentException("a ledger entry holds integers only, not " + number);
        }
        java.math.BigInteger value = number.bigIntegerValue();
        if (value.abs().compareTo(java.math.BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw new IllegalArgumentException("a ledger entry's integers stay within ±(2^53 - 1): " + number);
        }
        return value.longValueExact();
    }

    private static boolean isWhole(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

}
