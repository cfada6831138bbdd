package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The numbers of the special-fund rules (温科发〔2020〕53号, text not available to us), versioned with effective dates in
 * {@code funding-service.yml}. A decision uses the version in force on its business date and records its name.
 *
 * @param rules            versions of the money rules: indirect-cost cap, tranche split, balance settlement, ranking
 * @param categorySchemes  versions of the budget category scheme; a project keeps the scheme it was awarded under
 */
@ConfigurationProperties("stb.funding")
public record FundingParameters(List<Rules> rules, List<CategoryScheme> categorySchemes) {

    public FundingParameters {
        rules = rules == null ? List.of() : List.copyOf(rules);
        categorySchemes = categorySchemes == null ? List.of() : List.copyOf(categorySchemes);
        for (Rules version : rules) {
            version.check();
        }
    }

    /**
     * One version of the money rules.
     *
     * @param version          the name recorded in every decision taken under it
     * @param effectiveFrom    first business date it applies to
     * @param categoryScheme   the category scheme new projects are budgeted under
     * @param indirectCapBands marginal bands of the indirect-cost cap over direct costs minus equipment
     * @param tranches         the tranche split, in payment order; percents add up to 100
     * @param balanceOnPass    what happens to the balance of a project that passed acceptance (RETAINED)
     * @param balanceOtherwise what happens to it otherwise: failed acceptance, termination (RETURNED)
     * @param equalScoreBand   review scores at most this far apart count as "equal conditions" for the priority rule
     */
    public record Rules(String version, LocalDate effectiveFrom, String categoryScheme, List<CapBand> indirectCapBands,
                        List<TrancheShare> tranches, String balanceOnPass, String balanceOtherwise,
                        BigDecimal equalScoreBand) {

        void check() {
            int total = tranches.stream().mapToInt(TrancheShare::percent).sum();
            if (total != 100) {
                throw new IllegalStateException("tranche split of " + version + " adds up to " + total + "%, not 100%");
            }
            if (indirectCapBands.isEmpty() || indirectCapBands.get(indirectCapBands.size() - 1).upToFen() != null) {
                throw new IllegalStateException("the last indirect-cost band of " + version + " must be open-ended");
            }
        }

        /** The tranche plan of an award: each share rounded down to the fen, the last tranche takes the rest. */
        public List<Tranche> planFor(long awardFen) {
            long allotted = 0;
            java.util.ArrayList<Tranche> plan = new java.util.ArrayList<>();
            for (int i = 0; i < tranches.size(); i++) {
                TrancheShare share = tranches.get(i);
                long amount = i == tranches.size() - 1
                        ? awardFen - allotted
                        : Math.multiplyExact(awardFen, (long) share.percent()) / 100;
                allotted += amount;
                plan.add(new Tranche(i + 1, share.milestone(), share.percent(), amount));
            }
            return List.copyOf(plan);
        }
    }

    /**
     * A marginal band: the part of the base up to {@code upToFen} (null: no upper end) is capped at {@code rateBps}
     * basis points (3000 = 30%).
     */
    public record CapBand(Long upToFen, int rateBps) {
    }

    public record TrancheShare(Milestone milestone, int percent) {
    }

    public record CategoryScheme(String version, LocalDate effectiveFrom, List<Category> categories) {

        public Optional<Category> category(String code) {
            return categories.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }

    /** A budget category: code (used in the API), Chinese name, and how it counts. */
    public record Category(String code, String name, CategoryKind kind) {
    }

    /** The version of the money rules in force on a business date. */
    public Rules rulesOn(LocalDate date) {
        return rules.stream()
                .filter(r -> !r.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(Rules::effectiveFrom))
                .orElseThrow(() -> new RuleViolationException("parameters.none-in-force",
                        "no version of the funding rules is in force on " + date));
    }

    public Rules rulesVersion(String version) {
        return rules.stream().filter(r -> r.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown funding rules version " + version));
    }

    /** A category scheme by version; an unknown one is a {@code 400} on {@code field}. */
    public CategoryScheme scheme(String version, String field) {
        return categorySchemes.stream().filter(s -> s.version().equals(version)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "is not a known category scheme: " + version));
    }
}
