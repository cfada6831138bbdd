package cn.gov.wenzhou.kjj.funding.command;

/**
 * What becomes of the balance the recipient holds at closure, by the rules the project was awarded under:
 * {@code RETAINED} (kept by the unit for research) or {@code RETURNED} (to the fund).
 *
 * @param onPass    after a passed acceptance
 * @param otherwise after a failed acceptance or a termination
 */
public record BalanceRules(String onPass, String otherwise) {
}
