package cn.gov.wenzhou.kjj.console.web;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command of a service as a console form: the fields carry the API's own names (a dotted name is a nested
 * object: {@code hire.name}), so a {@code 400} naming a field lands beside it; an amount the API takes in fen is typed
 * in yuan in the field named without {@code Fen}. The one template fragment {@code commands :: form} draws every
 * command from this description. Only what a person cannot type as the API wants is converted; every rule is the
 * service's to check.
 *
 * @param name       the command's name: its bundle keys ({@code command.<name>}, {@code command.<name>.hint}) and
 *                   the last part of the console's path
 * @param path       the service's path, with {@code {placeholders}} the page fills in
 * @param fields     what the form asks for
 * @param idempotent the form carries an {@code Idempotency-Key} made when it is drawn, sent as the request header
 * @param ruleFields a rule code of a {@code 409} → the field it is about, where its words are shown too
 */
public record CommandForm(String name, String path, List<Field> fields, boolean idempotent,
                          Map<String, String> ruleFields) {

    public static final String IDEMPOTENCY_FIELD = "idempotencyKey";

    public enum Kind { TEXT, LONG_TEXT, DATE, YUAN, NUMBER, YES_NO, CHOICE, PARTNERS, BUDGET,
        /** Not typed: the console fills it in (the signed-in organisation's own credit code, the demand bid on). */
        FIXED }

    /**
     * @param name    the API's field name (dotted for nested objects; for {@link Kind#YUAN} without {@code Fen})
     * @param kind    how it is typed
     * @param options the codes of a {@link Kind#CHOICE} (labelled {@code <labels><code>}) or the categories of a
     *                {@link Kind#BUDGET}
     * @param labels  the bundle prefix of the options' labels
     */
    public record Field(String name, Kind kind, List<String> options, String labels) {

        public static Field of(String name, Kind kind) {
            return new Field(name, kind, List.of(), "");
        }

        public static Field choice(String name, String labels, List<String> options) {
            return new Field(name, Kind.CHOICE, List.copyOf(options), labels);
        }

        /** The key of this field's problem: the last part of its name, as {@link FormProblems} names fields. */
        public String problemKey() {
            return FormProblems.leaf(name);
        }

        /** The HTML id of its input on a page with several forms. */
        public String inputId(String form) {
            return form + "-" + name.replace('.', '-');
        }
    }

    /** A request body for the service, or the fields the console could not turn into one. */
    public record Prepared(Map<String, Object> body, Map<String, String> problems) {
    }

    public static CommandForm of(String name, String path, Field... fields) {
        return new CommandForm(name, path, List.of(fields), false, Map.of());
    }

    /** Forms by name, in the order given (the order a page shows them). */
    public static Map<String, CommandForm> byName(CommandForm... forms) {
        Map<String, CommandForm> byName = new LinkedHashMap<>();
        for (CommandForm form : forms) {
            byName.put(form.name(), form);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    public CommandForm idempotently() {
        return new CommandForm(name, path, fields, true, ruleFields);
    }

    public CommandForm ruleAt(String rule, String field) {
        Map<String, String> rules = new LinkedHashMap<>(ruleFields);
        rules.put(rule, field);
        return new CommandForm(name, path, fields, idempotent, Map.copyOf(rules));
    }

    /** The form's field names as {@link FormProblems#on} matches them. */
    public List<String> problemKeys() {
        List<String> keys = new ArrayList<>(fields.stream().map(Field::problemKey).toList());
        fields.stream().filter(f -> f.kind() == Kind.BUDGET).forEach(f -> keys.addAll(f.options()));
        return keys;
    }

    /** The fields a person types (a {@link Kind#FIXED} one is the console's). */
    public List<Field> typed() {
        return fields.stream().filter(field -> field.kind() != Kind.FIXED).toList();
    }

    /**
     * The service's path with the page's values in its placeholders, and the typed values of the fields that name
     * a placeholder (a delegation's approver), each encoded as one path segment.
     */
    public String pathWith(Map<String, String> values, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(values);
        fields.stream().filter(this::inPath).forEach(field -> all.put(field.name(),
                blankToNull(form.get(field.name()))));
        String filled = path;
        for (Map.Entry<String, String> value : all.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}",
                    UriUtils.encodePathSegment(value.getValue(), StandardCharsets.UTF_8));
        }
        return filled;
    }

    /** A field whose value is part of the service's path, not of the body. */
    private boolean inPath(Field field) {
        return path.contains("{" + field.name() + "}");
    }

    /**
     * The request body from what was typed: blanks are left out (the service decides what is required), yuan become
     * fen exactly or a problem at their field, yes/no become booleans, partners one credit code a line.
     */
    public Prepared prepare(Map<String, String> form, String notAnAmount, String required) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Field field : fields) {
            String typed = blankToNull(form.get(field.name()));
            if (inPath(field)) {
                if (typed == null) {
                    problems.put(field.problemKey(), required);
                }
                continue;
            }
            switch (field.kind()) {
                case YUAN -> {
                    Long fen = Formats.fenOf(typed);
                    if (typed != null && fen == null) {
                        problems.put(field.problemKey(), notAnAmount);
                    }
                    put(body, field.name() + "Fen", fen);
                }
                case YES_NO -> put(body, field.name(), typed == null ? null : Boolean.valueOf("true".equals(typed)));
                case PARTNERS -> {
                    List<Map<String, String>> partners = new ArrayList<>();
                    if (typed != null) {
                        typed.lines().map(String::trim).filter(line -> !line.isEmpty())
                                .forEach(code -> partners.add(Map.of("creditCode", code)));
                    }
                    put(body, field.name(), partners);
                }
                case BUDGET -> {
                    List<Map<String, Object>> lines = new ArrayList<>();
                    for (String category : field.options()) {
                        String amount = blankToNull(form.get(field.name() + "." + category));
                        Long fen = Formats.fenOf(amount);
                        if (amount != null && fen == null) {
                            problems.put(category, notAnAmount);
                        } else if (fen != null) {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("category", category);
                            line.put("amountFen", fen);
                            lines.add(line);
                        }
                    }
                    put(body, field.name(), lines);
                }
                default -> put(body, field.name(), typed);
            }
        }
        return new Prepared(body, problems);
    }

    /** Puts a value at a dotted name, making the nested objects on the way; a null is left out. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String name, Object value) {
        if (value == null) {
            return;
        }
        String[] parts = name.split("\\.");
        Map<String, Object> at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(parts[i], key -> new LinkedHashMap<String, Object>());
        }
        at.put(parts[parts.length - 1], value);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
