package cn.gov.wenzhou.kjj.support.domain;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Hamcrest matchers for the refusals of a fixture test ({@code expectException(violates("award.rank-order"))}): the
 * rule a {@link RuleViolationException} names, the field an {@link InvalidInputException} names. One home for every
 * service's aggregate tests.
 */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<RuleViolationException> violates(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return rule.equals(e.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal naming rule ").appendValue(rule);
            }
        };
    }

    public static Matcher<InvalidInputException> invalid(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInputException e) {
                return field.equals(e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a bad input naming field ").appendValue(field);
            }
        };
    }
}
