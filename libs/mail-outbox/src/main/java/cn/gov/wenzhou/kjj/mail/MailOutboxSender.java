package cn.gov.wenzhou.kjj.mail;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Sends the queued notices. Each batch is one database transaction: it claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} (a second instance claims others, never the same), sends each over SMTP and marks it
 * sent in that same transaction, so a mail marked sent is never sent again. A failed attempt is recorded with a
 * doubling back-off; the batch stops there (the relay is likely away) and the rest wait for the next poll.
 *
 * <p>The one edge: the relay accepted a mail and the commit that marks it sent then failed (the database went away in
 * that instant). The row is still due and the mail goes out again: delivery is at least once. Every attempt of one
 * notice carries the same {@code Message-ID}, derived from its dedup key, so mail systems that drop duplicates (and
 * people reading) see one message.
 */
public class MailOutboxSender {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);
    /** Batches per poll at most, so one poll never runs unbounded. */
    static final int MAX_BATCHES_PER_POLL = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JavaMailSender smtp;
    private final MailTemplates templates;
    private final MailOutboxProperties properties;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final String messageIdDomain;

    public MailOutboxSender(JdbcTemplate jdbc, TransactionTemplate transactions, JavaMailSender smtp,
                            MailTemplates templates, MailOutboxProperties properties, Clock clock,
                            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.smtp = smtp;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
        MeterRegistry registry = meters != null ? meters : new CompositeMeterRegistry();
        this.sent = Counter.builder("stb.mail.sent").description("notices the SMTP relay accepted")
                .register(registry);
        this.failed = Counter.builder("stb.mail.failed").description("failed attempts to send a notice (retried)")
                .register(registry);
        this.messageIdDomain = properties.from().substring(properties.from().lastIndexOf('@') + 1);
    }

    @Scheduled(initialDelayString = "${stb.mail.initial-delay:PT15S}", fixedDelayString = "${stb.mail.poll-interval:PT10S}")
    public void poll() {
        if (!properties.smtp().configured()) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            // the database away: the next poll tries again
            log.warn("mail outbox: poll failed ({}); retrying at the next poll", e.getClass().getSimpleName());
        }
    }

    /** Sends every mail due now, batch by batch; returns how many the relay accepted. */
    public int sendDue() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_POLL; i++) {
            Batch batch = transactions.execute(status -> sendBatch());
            total += batch.sent();
            if (batch.stopped() || batch.claimed() < properties.batchSize()) {
                break;
            }
        }
        return total;
    }

    private record Claimed(long id, String dedupKey, String recipient, String template, String values, int attempts) {
    }

    private record Batch(int claimed, int sent, boolean stopped) {
    }

    private Batch sendBatch() {
        Instant now = clock.instant();
        List<Claimed> due = jdbc.query("""
                        select id, dedup_key, recipient, template, template_values, attempts
                        from mail_outbox
                        where sent_at is null and next_attempt_at <= ?
                        order by next_attempt_at, id
                        limit ?
                        for update skip locked""",
                (rs, row) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)),
                Timestamp.from(now), properties.batchSize());
        int accepted = 0;
        for (Claimed mail : due) {
            try {
                send(mail, now);
            } catch (RuntimeException | MessagingException | IOException e) {
                int attempts = mail.attempts() + 1;
                Instant next = now.plus(backoff(attempts));
                jdbc.update("update mail_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
                        attempts, Timestamp.from(next), describe(e), mail.id());
                failed.increment();
                // the dedup key names the notice; the address never appears in a log line
                log.warn("mail outbox: {} not sent (attempt {}, {}); next attempt at {}", mail.dedupKey(), attempts,
                        describe(e), next);
                return new Batch(due.size(), accepted, true);
            }
            jdbc.update("update mail_outbox set attempts = attempts + 1, sent_at = ?, last_error = null where id = ?",
                    Timestamp.from(now), mail.id());
            sent.increment();
            accepted++;
            log.info("mail outbox: {} sent", mail.dedupKey());
        }
        return new Batch(due.size(), accepted, false);
    }

    private void send(Claimed mail, Instant now) throws MessagingException, IOException {
        Map<String, String> values = MailOutbox.json().readValue(mail.values(), new TypeReference<>() {
        });
        MailTemplates.RenderedMail rendered = templates.render(mail.template(), values);
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(rendered.subject());
        helper.setText(rendered.body(), false);
        helper.setSentDate(Date.from(now));
        // kept by JavaMailSenderImpl through saveChanges(): every attempt of a notice has the same Message-ID
        message.setHeader("Message-ID", messageId(mail.dedupKey()));
        smtp.send(message);
    }

    /** The Message-ID of a notice: the same for every attempt, and for nothing else. */
    public String messageId(String dedupKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 20) + ".mail-outbox@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    Duration backoff(int attempts) {
        Duration wait = properties.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(properties.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    /** What went wrong, without the message: an SMTP reply may quote the recipient's address. */
    private static String describe(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null && chain.length() < 250; cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return chain.length() > 300 ? chain.substring(0, 300) : chain.toString();
    }
}
