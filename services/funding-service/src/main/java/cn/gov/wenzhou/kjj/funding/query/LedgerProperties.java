package cn.gov.wenzhou.kjj.funding.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The money ledger's settings ({@code stb.funding.ledger}).
 *
 * @param signingKey     the Ed25519 private key (32 bytes, base64) that signs heads and checkpoints; from the
 *                       environment, no default (the dev stack makes one)
 * @param lagAlertAfter  how long a money event may wait for its entry before the ledger's health says DEGRADED (the
 *                       chainer normally follows within a second; much longer means it is stuck or far behind)
 * @param lagCountAtMost how many unchained money events the health and the metrics count at most, so asking stays
 *                       cheap after a long outage of the chainer
 */
@ConfigurationProperties("stb.funding.ledger")
public record LedgerProperties(String signingKey,
                               @DefaultValue("1m") Duration lagAlertAfter,
                               @DefaultValue("100000") int lagCountAtMost) {

    public LedgerProperties {
        if (lagAlertAfter.isNegative() || lagAlertAfter.isZero() || lagAlertAfter.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalStateException("stb.funding.ledger.lag-alert-after must be above zero and at most a day");
        }
        if (lagCountAtMost < 1 || lagCountAtMost > 10_000_000) {
            throw new IllegalStateException("stb.funding.ledger.lag-count-at-most must be 1-10,000,000");
        }
    }
}
