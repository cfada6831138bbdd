package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.Refusals;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.hamcrest.Matcher;

/** Hamcrest matchers for fixture exceptions: the rule a refusal names, the field a 400 names. */
final class Rules {

    private Rules() {
    }

    static Matcher<RuleViolationException> violates(String rule) {
        return Refusals.violates(rule);
    }

    static Matcher<InvalidInputException> invalid(String field) {
        return Refusals.invalid(field);
    }
}
