package cn.gov.wenzhou.kjj.console.web;

import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form shows after the service refused it: each field's message beside that field (400), or the broken rule's
 * code with the service's explanation (409). Empty when nothing was refused.
 *
 * @param fields     field name → the service's message
 * @param rule       the rule code of a 409 (its words come from the bundle key {@code rule.<code>})
 * @param detail     the service's own sentence
 * @param unmatched  a 400 whose fields are not on this form, shown above it
 */
public record FormProblems(Map<String, String> fields, String rule, String detail, boolean unmatched) {

    public static final FormProblems NONE = new FormProblems(Map.of(), null, null, false);

    public static FormProblems of(ServiceProblem problem) {
        if (problem instanceof ServiceProblem.RuleViolated rule) {
            return new FormProblems(Map.of(), rule.rule(), rule.getMessage(), false);
        }
        if (problem instanceof ServiceProblem.InvalidInput invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            invalid.fields().forEach(field -> fields.merge(leaf(field.field()), field.message(),
                    (a, b) -> a + "; " + b));
            return new FormProblems(fields, null, invalid.getMessage(), fields.isEmpty());
        }
        return new FormProblems(Map.of(), null, problem.getMessage(), true);
    }

    /** Only the fields this form has stay at their fields; the others go to the message above the form. */
    public FormProblems on(java.util.Collection<String> formFields) {
        Map<String, String> here = new LinkedHashMap<>();
        boolean elsewhere = false;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (formFields.contains(field.getKey())) {
                here.put(field.getKey(), field.getValue());
            } else {
                elsewhere = true;
            }
        }
        return new FormProblems(here, rule, detail, unmatched || elsewhere);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String at(String field) {
        return fields.get(field);
    }

    public boolean any() {
        return rule != null || !fields.isEmpty() || unmatched;
    }

    /**
     * "indicators.researchers" → "researchers": a form field is named after the last part; an amount the service
     * takes in fen ("researchFundingFen") is typed in yuan in a field named without the suffix.
     */
    public static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        String leaf = dot < 0 ? path : path.substring(dot + 1);
        return leaf.endsWith("Fen") ? leaf.substring(0, leaf.length() - 3) : leaf;
    }

    /**
     * A rule that belongs to one field of the form (an expenditure over its category's budget belongs to the
     * amount): its words, with the code, beside that field as well as above the form.
     */
    public FormProblems withRuleAt(String field, String words) {
        Map<String, String> here = new LinkedHashMap<>(fields);
        here.put(field, words + " (" + rule + ")");
        return new FormProblems(here, rule, detail, unmatched);
    }

    /** Problems the console finds itself before sending (e.g. an amount that is not yuan with two decimals). */
    public static FormProblems atFields(Map<String, String> fields) {
        return new FormProblems(Map.copyOf(fields), null, null, false);
    }
}
