package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/**
 * What became of a re-application. A refusal is a result, not an exception: the refusal event must be stored, and an
 * exception would roll it back. The API turns a refusal into {@code 409 reapplication.two-year-bar}.
 */
public record ReapplicationOutcome(boolean accepted, LocalDate reopensOn) {

    public static final String BAR_RULE = "reapplication.two-year-bar";

    static ReapplicationOutcome accept() {
        return new ReapplicationOutcome(true, null);
    }

    static ReapplicationOutcome refuse(LocalDate reopensOn) {
        return new ReapplicationOutcome(false, reopensOn);
    }
}
