package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.Refusals;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Test helpers: the default rules as in funding-service.yml, and matchers for refusals. */
final class Rules {

    static final FundingParameters.Rules DEFAULT = new FundingParameters.Rules("2021.1", LocalDate.of(2021, 1, 1),
            "THREE-CATEGORY-2021",
            List.of(new FundingParameters.CapBand(500_000_000L, 3000), new FundingParameters.CapBand(1_000_000_000L,
                    2500), new FundingParameters.CapBand(null, 2000)),
            List.of(new FundingParameters.TrancheShare(Milestone.CONTRACT, 50),
                    new FundingParameters.TrancheShare(Milestone.MID_TERM, 30),
                    new FundingParameters.TrancheShare(Milestone.ACCEPTANCE, 20)),
            "RETAINED", "RETURNED", new BigDecimal("0.00"));

    private Rules() {
    }

    static Matcher<RuleViolationException> violates(String rule) {
        return Refusals.violates(rule);
    }

    static Matcher<InvalidInputException> invalid(String field) {
        return Refusals.invalid(field);
    }
}
