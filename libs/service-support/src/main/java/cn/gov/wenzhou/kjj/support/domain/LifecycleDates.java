package cn.gov.wenzhou.kjj.support.domain;

import java.time.LocalDate;

/**
 * The dates that order a lifecycle (a registration before its recognition, a contract before its expenditure, an
 * admission before its exit) checked against each other in the aggregate that keeps them. A date out of that order is
 * a broken rule of the lifecycle, not malformed input: the API answers {@code 409} naming the rule, and nothing is
 * stored. Each aggregate names its own rules ({@code recognition.before-registration}, {@code exit.before-admission}
 * ...), so that a client can tell which step the date must follow.
 */
public final class LifecycleDates {

    private LifecycleDates() {
    }

    /**
     * {@code date} itself, or a violation of {@code rule} when it is before {@code earlier}, the date of the step it
     * must follow ({@code earlierStep}, for the message: "the platform's registration"). An unknown earlier date (a
     * step not taken, or history from before the date was kept) orders nothing.
     */
    public static LocalDate notBefore(LocalDate date, String field, LocalDate earlier, String earlierStep,
                                      String rule) {
        if (date == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (earlier != null && date.isBefore(earlier)) {
            throw new RuleViolationException(rule, field + " " + date + " is before " + earlierStep + " on "
                    + earlier);
        }
        return date;
    }
}
