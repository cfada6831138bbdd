package cn.gov.wenzhou.kjj.support.domain;

/**
 * A command that breaks a business rule. Nothing is stored; the API answers {@code 409} naming the rule.
 * Rules are short stable codes (for example {@code evaluation.once-per-year}) that clients may branch on.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
