package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for fixture exceptions: the rule a refusal names, the field a 400 names. */
final class Rules {

    private Rules() {
    }

    static Matcher<RuleViolationException> violates(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return rule.equals(e.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule ").appendValue(rule);
            }
        };
    }

    static Matcher<InvalidInputException> invalid(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInputException e) {
                return field.equals(e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("invalid input naming field ").appendValue(field);
            }
        };
    }
}
