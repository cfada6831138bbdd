package cn.gov.wenzhou.kjj.registry.command;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Versioned evaluation parameters ({@code stb.registry.evaluation} in {@code platform-registry.yml}): grade thresholds
 * and the indicator weights of the "ten batches" (十个一批). The bureau's notice text is not available to us, so the
 * numbers are parameters; each evaluation event records the version it applied.
 *
 * <p>The version that applies to evaluation year Y is the one in force on 31 December of Y: a year is judged by the
 * rules published for it, whenever the result is recorded.
 */
@ConfigurationProperties("stb.registry.evaluation")
public record EvaluationParameters(List<Version> versions) {

    public static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

    /**
     * @param version       label recorded in every evaluation event, e.g. {@code 2023.1}
     * @param effectiveFrom first business date the version is in force
     * @param basis         the document the numbers follow
     */
    public record Version(String version, LocalDate effectiveFrom, String basis, Thresholds thresholds,
                          Weights weights) {

        public Version {
            if (version == null || version.isBlank() || effectiveFrom == null || thresholds == null
                    || weights == null) {
                throw new IllegalStateException("an evaluation parameter version needs a label, an effective date, "
                        + "thresholds and weights");
            }
            gradeThresholds(version, thresholds);
        }

        public GradeThresholds gradeThresholds() {
            return gradeThresholds(version, thresholds);
        }

        private static GradeThresholds gradeThresholds(String version, Thresholds thresholds) {
            return new GradeThresholds(version, thresholds.excellent(), thresholds.good(), thresholds.pass());
        }
    }

    public record Thresholds(BigDecimal excellent, BigDecimal good, BigDecimal pass) {
    }

    /**
     * Weight of each indicator in the expert panel's score, in percent (they sum to 100). The letter asks that results
     * transferred and local enterprises served weigh most.
     */
    public record Weights(int jointRdCentres, int cooperationAgreements, int provincialProjects, int researchFunding,
                          int inventionPatents, int fourTechIncome, int researchers, int incubatedEnterprises,
                          int resultsTransferred, int localEnterprisesServed) {

        public Weights {
            int[] all = {jointRdCentres, cooperationAgreements, provincialProjects, researchFunding, inventionPatents,
                    fourTechIncome, researchers, incubatedEnterprises, resultsTransferred, localEnterprisesServed};
            int sum = 0;
            int max = 0;
            for (int weight : all) {
                if (weight < 0) {
                    throw new IllegalStateException("indicator weights are never negative");
                }
                sum += weight;
                max = Math.max(max, weight);
            }
            if (sum != 100) {
                throw new IllegalStateException("indicator weights must sum to 100, not " + sum);
            }
            if (resultsTransferred < max || localEnterprisesServed < max) {
                throw new IllegalStateException("results transferred and local enterprises served must weigh most "
                        + "(the letter's emphasis)");
            }
        }
    }

    public EvaluationParameters {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalStateException("stb.registry.evaluation.versions must list at least one version");
        }
        versions = versions.stream().sorted(Comparator.comparing(Version::effectiveFrom)).toList();
        if (versions.stream().map(Version::version).distinct().count() != versions.size()
                || versions.stream().map(Version::effectiveFrom).distinct().count() != versions.size()) {
            throw new IllegalStateException("evaluation parameter versions need distinct labels and effective dates");
        }
    }

    /** The version that applies to evaluation year {@code year}: in force on 31 December of that year. */
    public Optional<Version> forYear(int year) {
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        Version applicable = null;
        for (Version version : versions) {
            if (!version.effectiveFrom().isAfter(endOfYear)) {
                applicable = version;
            }
        }
        return Optional.ofNullable(applicable);
    }
}
