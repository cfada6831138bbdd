package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.support.projection.ProjectionsHealthIndicator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the money ledger is behind the event store, for operators and finance: the health contributor
 * {@code moneyLedger} (DEGRADED while a money event has waited longer than {@code stb.funding.ledger.lag-alert-after}
 * for its entry: commands go on, but their proofs and the signed head lag), and the metrics {@value #UNCHAINED} and
 * {@value #OLDEST_AGE}. Not part of readiness: a lagging chain is no reason to stop taking commands.
 */
public class LedgerLag extends AbstractHealthIndicator {

    public static final String UNCHAINED = "stb.funding.ledger.unchained";
    public static final String OLDEST_AGE = "stb.funding.ledger.unchained.oldest.seconds";

    private final MoneyLedger ledger;
    private final LedgerProperties properties;
    private final Clock clock;

    public LedgerLag(MoneyLedger ledger, LedgerProperties properties, Clock clock, MeterRegistry meters) {
        super("money ledger lag unavailable");
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder(UNCHAINED, this, lag -> lag.now().lag().unchained())
                .description("money events stored but not yet chained into the ledger (counted up to "
                        + "stb.funding.ledger.lag-count-at-most)").register(meters);
        Gauge.builder(OLDEST_AGE, this, lag -> lag.now().age().toMillis() / 1000.0)
                .description("how long the oldest unchained money event has waited for its entry (0 when none "
                        + "waits)").baseUnit("seconds").register(meters);
    }

    /** The lag now, and the age of its oldest unchained event (zero when none waits). */
    public Reading now() {
        MoneyLedger.Lag lag = ledger.lag(properties.lagCountAtMost());
        Instant now = clock.instant();
        Duration age = lag.oldestStoredAt().map(stored -> Duration.between(stored, now))
                .filter(waited -> !waited.isNegative()).orElse(Duration.ZERO);
        return new Reading(lag, age, age.compareTo(properties.lagAlertAfter()) > 0);
    }

    /** One reading: {@code behind} when the oldest unchained event has waited past the alert bound. */
    public record Reading(MoneyLedger.Lag lag, Duration age, boolean behind) {
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Reading reading = now();
        health.status(reading.behind() ? ProjectionsHealthIndicator.DEGRADED : org.springframework.boot.actuate
                        .health.Status.UP)
                .withDetail("unchained", reading.lag().unchained() + (reading.lag().more() ? "+" : ""))
                .withDetail("oldestUnchainedWaitedSeconds", reading.age().toSeconds())
                .withDetail("alertAfterSeconds", properties.lagAlertAfter().toSeconds());
    }
}
