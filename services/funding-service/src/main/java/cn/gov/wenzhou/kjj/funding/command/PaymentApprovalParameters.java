package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Four-eyes payment approval, versioned like the money rules ({@code stb.funding.payment-approval} in
 * funding-service.yml): a disbursement above {@code thresholdFen} is a request a second person approves; a request
 * not decided within {@code expiresAfterDays} expires. A request records the version it was made under.
 */
@ConfigurationProperties("stb.funding")
public record PaymentApprovalParameters(List<Version> paymentApproval) {

    /** A request waits at most a year: a longer period is a configuration mistake. */
    public static final int MAX_EXPIRY_DAYS = 366;

    public PaymentApprovalParameters {
        paymentApproval = paymentApproval == null ? List.of() : List.copyOf(paymentApproval);
        for (Version version : paymentApproval) {
            if (version.thresholdFen() < 0 || version.expiresAfterDays() < 1
                    || version.expiresAfterDays() > MAX_EXPIRY_DAYS) {
                throw new IllegalStateException("payment approval " + version.version()
                        + ": threshold-fen must be >= 0 and expires-after-days 1.." + MAX_EXPIRY_DAYS);
            }
        }
    }

    /**
     * @param thresholdFen      payments above it need a second person's approval (0: every payment)
     * @param expiresAfterDays  calendar days a request waits for its decision before it expires
     */
    public record Version(String version, LocalDate effectiveFrom, long thresholdFen, int expiresAfterDays) {

        public boolean needsApproval(long amountFen) {
            return amountFen > thresholdFen;
        }
    }

    public Version on(LocalDate date) {
        return paymentApproval.stream()
                .filter(v -> !v.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(Version::effectiveFrom))
                .orElseThrow(() -> new RuleViolationException("parameters.none-in-force",
                        "no version of the payment approval rules is in force on " + date));
    }
}
