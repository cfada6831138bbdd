package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.testsupport.NotBusinessDates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bad requests generated from a service's own OpenAPI document: for every POST and PUT operation, a plausible body
 * built from its schema, then that body broken one way at a time (every field given wrong types, huge and beyond-range
 * values, bad dates, unknown enumeration values; a required field missing, an unknown one added, deep nesting, broken
 * UTF-8, a body over the size limit, not JSON at all) and the call made without a token or with a forged or expired
 * one. Each request is wrong by construction: no answer may be a 5xx, each must be a problem detail, and none may
 * change anything.
 */
final class HostileRequests {

    /** One request to send: which token to use is the caller's (a valid token with every role, or a bad one). */
    record Request(String service, String method, String path, String kind, byte[] body, Token token) {
    }

    enum Token { VALID, NONE, EXPIRED, TAMPERED, WRONG_ISSUER, FOREIGN_SIGNATURE, WRONG_AUDIENCE, GARBAGE }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Over the services' request limit (1 MB), within what Tomcat reads of a refused body (2 MB): answered 413. */
    private static final int OVERSIZE_BYTES = 1536 * 1024;
    /**
     * Beyond what Tomcat reads of a refused body: it answers 413 and closes the connection, and a client still
     * writing may see the connection cut instead of the answer. Either way nothing is done.
     */
    static final String BEYOND_READ_LIMIT = "body beyond the server's read limit";
    private static final int BEYOND_READ_LIMIT_BYTES = 3 * 1024 * 1024;
    private static final int NESTING = 5_000;

    private HostileRequests() {
    }

    /** Every bad request for every POST/PUT operation of {@code apiDocs}, path variables filled from {@code ids}. */
    static List<Request> generate(String service, JsonNode apiDocs, Function<String, String> ids) {
        List<Request> requests = new ArrayList<>();
        JsonNode schemas = apiDocs.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = apiDocs.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path = fill(entry.getKey(), ids);
            for (String method : List.of("post", "put")) {
                JsonNode operation = entry.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String verb = method.toUpperCase(java.util.Locale.ROOT);
                JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json")
                        .path("schema"), schemas);
                if (schema.isMissingNode()) {
                    // no body: only the caller can be wrong (with a valid token it would run the operation)
                    for (Token token : Token.values()) {
                        if (token != Token.VALID) {
                            requests.add(new Request(service, verb, path, "token " + token, null, token));
                        }
                    }
                    continue;
                }
                JsonNode body = example(schema, schemas, 0);
                requests.addAll(forBody(service, verb, path, schema, body, schemas));
            }
        }
        return requests;
    }

    private static List<Request> forBody(String service, String verb, String path, JsonNode schema, JsonNode body,
                                         JsonNode schemas) {
        List<Request> requests = new ArrayList<>();
        byte[] plausible = bytes(body);
        for (Token token : Token.values()) {
            if (token != Token.VALID) {
                requests.add(new Request(service, verb, path, "token " + token, plausible, token));
            }
        }
        if (body instanceof ObjectNode object) {
            for (Leaf leaf : leaves(object, schema, schemas, "")) {
                for (Map.Entry<String, JsonNode> wrong : wrongValues(leaf.schema()).entrySet()) {
                    ObjectNode broken = object.deepCopy();
                    leaf.set(broken, wrong.getValue());
                    requests.add(new Request(service, verb, path, leaf.path() + ": " + wrong.getKey(),
                            bytes(broken), Token.VALID));
                }
                if (leaf.required()) {
                    ObjectNode broken = object.deepCopy();
                    leaf.remove(broken);
                    requests.add(new Request(service, verb, path, leaf.path() + ": missing", bytes(broken),
                            Token.VALID));
                }
            }
            ObjectNode unknown = object.deepCopy();
            unknown.put("unknownField", "x");
            requests.add(new Request(service, verb, path, "unknown field", bytes(unknown), Token.VALID));
            ObjectNode oversize = object.deepCopy();
            oversize.put("padding", "x".repeat(OVERSIZE_BYTES));
            requests.add(new Request(service, verb, path, "body over the limit", bytes(oversize), Token.VALID));
            ObjectNode huge = object.deepCopy();
            huge.put("padding", "x".repeat(BEYOND_READ_LIMIT_BYTES));
            requests.add(new Request(service, verb, path, BEYOND_READ_LIMIT, bytes(huge), Token.VALID));
            requests.add(new Request(service, verb, path, "broken UTF-8", brokenUtf8(object), Token.VALID));
        }
        requests.add(new Request(service, verb, path, "deep nesting", deepNesting(), Token.VALID));
        requests.add(new Request(service, verb, path, "empty body", new byte[0], Token.VALID));
        requests.add(new Request(service, verb, path, "null body", "null".getBytes(StandardCharsets.UTF_8),
                Token.VALID));
        requests.add(new Request(service, verb, path, "array instead of object", bytes(NODES.arrayNode().add(body)),
                Token.VALID));
        requests.add(new Request(service, verb, path, "not JSON", "<xml/>".getBytes(StandardCharsets.UTF_8),
                Token.VALID));
        requests.add(new Request(service, verb, path, "truncated JSON",
                java.util.Arrays.copyOf(plausible, Math.max(1, plausible.length / 2)), Token.VALID));
        return requests;
    }

    /** Values that are wrong for a field of this schema whatever the field is, with a name for the history. */
    private static Map<String, JsonNode> wrongValues(JsonNode schema) {
        Map<String, JsonNode> wrong = new java.util.LinkedHashMap<>();
        wrong.put("object", NODES.objectNode().put("x", 1));
        wrong.put("array of arrays", NODES.arrayNode().add(NODES.arrayNode().add(1)));
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        if (!schema.path("enum").isMissingNode()) {
            wrong.put("unknown enum value", NODES.textNode("NOT_A_VALUE_OF_ANY_ENUM"));
            wrong.put("enum as number", NODES.numberNode(3));
        }
        switch (type) {
            case "integer", "number" -> {
                wrong.put("text", NODES.textNode("twelve"));
                wrong.put("beyond long", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
                wrong.put("below long", NODES.numberNode(new java.math.BigInteger("-9223372036854775809")));
                wrong.put("huge", NODES.numberNode(new java.math.BigDecimal("1e400")));
                wrong.put("huge integer", NODES.numberNode(new java.math.BigInteger("9".repeat(500))));
                if (schema.has("minimum")) {
                    wrong.put("below minimum", NODES.numberNode(schema.path("minimum").decimalValue()
                            .subtract(java.math.BigDecimal.ONE)));
                }
                if (schema.has("maximum")) {
                    wrong.put("above maximum", NODES.numberNode(schema.path("maximum").decimalValue()
                            .add(java.math.BigDecimal.ONE)));
                }
                if ("integer".equals(type)) {
                    wrong.put("fractional", NODES.numberNode(new java.math.BigDecimal("1.5")));
                    wrong.put("long max", NODES.numberNode(Long.MAX_VALUE));
                    wrong.put("long min", NODES.numberNode(Long.MIN_VALUE));
                } else {
                    wrong.put("many decimals", NODES.numberNode(new java.math.BigDecimal("1.0000000001")));
                    wrong.put("negative", NODES.numberNode(new java.math.BigDecimal("-0.01")));
                }
            }
            case "string" -> {
                if ("date".equals(format)) {
                    for (String value : NotBusinessDates.JSON_VALUES) {
                        wrong.put("date " + value, parse(value));
                    }
                    wrong.put("impossible date", NODES.textNode("2024-02-30"));
                    wrong.put("date before 2000", NODES.textNode("1999-12-31"));
                    wrong.put("date after 2100", NODES.textNode("2101-01-01"));
                    wrong.put("extreme date", NODES.textNode("+999999999-12-31"));
                } else if ("date-time".equals(format)) {
                    wrong.put("not an instant", NODES.textNode("yesterday"));
                } else {
                    wrong.put("huge string", NODES.textNode("长".repeat(100_000)));
                }
            }
            case "boolean" -> wrong.put("text", NODES.textNode("maybe"));
            case "array" -> wrong.put("huge array", hugeArray());
            default -> {
            }
        }
        return wrong;
    }

    /** A field of the body (top level, or inside a nested object), its schema and whether it is required. */
    private record Leaf(String path, List<String> steps, JsonNode schema, boolean required) {

        void set(ObjectNode root, JsonNode value) {
            parent(root).set(steps.get(steps.size() - 1), value);
        }

        void remove(ObjectNode root) {
            parent(root).remove(steps.get(steps.size() - 1));
        }

        private ObjectNode parent(ObjectNode root) {
            ObjectNode node = root;
            for (String step : steps.subList(0, steps.size() - 1)) {
                node = (ObjectNode) node.get(step);
            }
            return node;
        }
    }

    private static List<Leaf> leaves(ObjectNode body, JsonNode schema, JsonNode schemas, String prefix) {
        List<Leaf> leaves = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode propertySchema = resolve(property.getValue(), schemas);
            String name = property.getKey();
            leaves.add(new Leaf(prefix + name, steps(prefix, name), propertySchema, required.contains(name)));
            if (body.get(name) instanceof ObjectNode nested && "object".equals(propertySchema.path("type").asText())) {
                for (Leaf inner : leaves(nested, propertySchema, schemas, prefix + name + ".")) {
                    leaves.add(inner);
                }
            }
        }
        return leaves;
    }

    private static List<String> steps(String prefix, String name) {
        List<String> steps = new ArrayList<>();
        if (!prefix.isEmpty()) {
            steps.addAll(List.of(prefix.substring(0, prefix.length() - 1).split("\\.")));
        }
        steps.add(name);
        return steps;
    }

    /** A plausible value for a schema: its example, else a value of its type. */
    private static JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                            example(resolve(property.getValue(), schemas), schemas, depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(example(resolve(schema.path("items"), schemas), schemas, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.path("minimum").decimalValue().max(java.math.BigDecimal.ONE));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> switch (schema.path("format").asText("")) {
                case "date" -> NODES.textNode("2024-06-01");
                case "date-time" -> NODES.textNode("2024-06-01T00:00:00Z");
                default -> NODES.textNode("x");
            };
            default -> NODES.nullNode();
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode resolved = schema;
        for (int i = 0; i < 10 && resolved.has("$ref"); i++) {
            String ref = resolved.path("$ref").asText();
            resolved = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
            return resolve(resolved.path("allOf").get(0), schemas);
        }
        return resolved;
    }

    private static String fill(String path, Function<String, String> ids) {
        java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String value = ids.apply(variable.group(1));
            variable.appendReplacement(filled, value != null ? value : UUID.randomUUID().toString());
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private static byte[] brokenUtf8(ObjectNode body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] json = bytes(body);
        int quote = indexOfSecondQuote(json);
        out.write(json, 0, quote);
        out.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        out.write(json, quote, json.length - quote);
        return out.toByteArray();
    }

    /** Inside the first key's quotes. */
    private static int indexOfSecondQuote(byte[] json) {
        int quotes = 0;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"' && ++quotes == 2) {
                return i;
            }
        }
        return Math.min(1, json.length);
    }

    private static byte[] deepNesting() {
        return ("{\"a\":" + "[".repeat(NESTING) + "]".repeat(NESTING) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode hugeArray() {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            array.add("x" + i);
        }
        return array;
    }

    private static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return Http.JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
