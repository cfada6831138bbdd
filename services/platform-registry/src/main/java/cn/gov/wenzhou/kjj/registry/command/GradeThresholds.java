package cn.gov.wenzhou.kjj.registry.command;

import java.math.BigDecimal;

/**
 * The lowest score of each passing grade under one parameter version; below {@code pass} is FAIL. Travels inside the
 * evaluation command, so the aggregate derives the grade from the very numbers the event then names.
 */
public record GradeThresholds(String version, BigDecimal excellent, BigDecimal good, BigDecimal pass) {

    public GradeThresholds {
        if (version == null || version.isBlank() || excellent == null || good == null || pass == null) {
            throw new IllegalStateException("grade thresholds need a version and three scores");
        }
        if (pass.signum() <= 0 || pass.compareTo(good) >= 0 || good.compareTo(excellent) >= 0
                || excellent.compareTo(EvaluationParameters.MAX_SCORE) > 0) {
            throw new IllegalStateException("grade thresholds of " + version
                    + " must rise strictly: 0 < pass < good < excellent <= 100");
        }
    }

    public Grade gradeFor(BigDecimal score) {
        if (score.compareTo(excellent) >= 0) {
            return Grade.EXCELLENT;
        }
        if (score.compareTo(good) >= 0) {
            return Grade.GOOD;
        }
        if (score.compareTo(pass) >= 0) {
            return Grade.PASS;
        }
        return Grade.FAIL;
    }

    /** "EXCELLENT ≥ 90, GOOD ≥ 80, PASS ≥ 60 (2023.1)" */
    public String describe() {
        return "EXCELLENT ≥ " + excellent.toPlainString() + ", GOOD ≥ " + good.toPlainString() + ", PASS ≥ "
                + pass.toPlainString() + " (parameters " + version + ")";
    }
}
