package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What an admission opens for the hire, all at the same time (the letter: 可参加市本级机关事业单位养老保险，并同步建立职业年金和住房公积金).
 */
public enum BenefitScheme {
    /** Municipal institution pension insurance (市本级机关事业单位养老保险). */
    MUNICIPAL_INSTITUTION_PENSION,
    /** Occupational annuity (职业年金). */
    OCCUPATIONAL_ANNUITY,
    /** Housing provident fund (住房公积金). */
    HOUSING_PROVIDENT_FUND;

    /** One entry per scheme, all opened on the same day: the only shape an admission records. */
    public static List<BenefitAccount> allOpenedOn(LocalDate openedOn) {
        return Arrays.stream(values()).map(scheme -> new BenefitAccount(scheme, openedOn)).toList();
    }

    /** A scheme the hire joined, and when. */
    public record BenefitAccount(BenefitScheme scheme, LocalDate openedOn) {
    }
}
