package cn.gov.wenzhou.kjj.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The outbox as an operator watches it: {@code stb.mail.waiting} (notices not sent yet) and
 * {@code stb.mail.oldest.waiting.age} (seconds the oldest of them has waited; 0 when none waits). Both read the
 * partial index of unsent rows at each scrape. {@code stb.mail.sent} and {@code stb.mail.failed} count in the sender.
 */
public final class MailOutboxMetrics {

    private MailOutboxMetrics() {
    }

    public static void register(MeterRegistry meters, JdbcTemplate jdbc, Clock clock) {
        Gauge.builder("stb.mail.waiting", jdbc, MailOutboxMetrics::waiting)
                .description("notices queued and not sent yet").register(meters);
        Gauge.builder("stb.mail.oldest.waiting.age", jdbc, j -> oldestAgeSeconds(j, clock))
                .description("seconds the oldest unsent notice has waited").baseUnit("seconds").register(meters);
    }

    static double waiting(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select count(*) from mail_outbox where sent_at is null", Long.class);
        return count == null ? 0 : count;
    }

    static double oldestAgeSeconds(JdbcTemplate jdbc, Clock clock) {
        Timestamp oldest = jdbc.queryForObject("select min(queued_at) from mail_outbox where sent_at is null",
                Timestamp.class);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
    }
}
