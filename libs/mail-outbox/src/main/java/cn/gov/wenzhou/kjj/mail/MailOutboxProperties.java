package cn.gov.wenzhou.kjj.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code stb.mail.*}: where notices are sent from and through which relay (docs/operators.md, "E-mail"). The relay's
 * host, port, user and password come from the environment ({@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USERNAME},
 * {@code SMTP_PASSWORD}; mail-outbox-defaults.yml). Without a host the sender stays idle and notices wait in the
 * outbox: nothing is lost, and they go out once a relay is configured.
 *
 * @param from           the sender address of every notice
 * @param pollInterval   how often the sender looks for due mail
 * @param batchSize      mails claimed per transaction
 * @param initialBackoff the wait after a first failed attempt; it doubles per failure up to {@code maxBackoff}
 * @param maxBackoff     the longest wait between two attempts of one mail
 */
@ConfigurationProperties("stb.mail")
public record MailOutboxProperties(
        @DefaultValue("noreply@kjj.wenzhou.gov.cn") String from,
        @DefaultValue("PT10S") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("PT30M") Duration maxBackoff,
        @DefaultValue Smtp smtp) {

    public MailOutboxProperties {
        if (!MailAddresses.isValid(from)) {
            throw new IllegalStateException("stb.mail.from must be a valid e-mail address");
        }
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalStateException("stb.mail.batch-size must be between 1 and 500");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalStateException("stb.mail.initial-backoff must be positive and at most max-backoff");
        }
    }

    /**
     * @param host     the relay; blank: no relay, the sender waits
     * @param starttls require STARTTLS (on for a relay across a network; the dev stack's local server has none)
     * @param timeout  connect, read and write timeout of one SMTP conversation
     */
    public record Smtp(String host, @DefaultValue("25") int port, String username, String password,
                       @DefaultValue("false") boolean starttls, @DefaultValue("PT10S") Duration timeout) {

        public Smtp {
            if (port < 1 || port > 65_535) {
                throw new IllegalStateException("stb.mail.smtp.port must be between 1 and 65535");
            }
        }

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + (username == null || username.isBlank() ? "" : ", user " + username)
                    + (starttls ? ", STARTTLS" : "") + "]";
        }
    }
}
