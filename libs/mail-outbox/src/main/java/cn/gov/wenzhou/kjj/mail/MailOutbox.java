package cn.gov.wenzhou.kjj.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.TreeMap;

/**
 * Queues e-mail notices. {@link #enqueue} writes one row with the caller's connection, so it joins the caller's
 * transaction (an event handler's, a command's): the notice commits with the work that caused it, or not at all.
 * A second notice with the same {@link OutgoingMail#dedupKey()} is ignored, whoever queues it and whenever.
 * Sending is {@link MailOutboxSender}'s job.
 */
public class MailOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MailOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues {@code mail} unless a notice with its key was queued before; returns whether this call queued it. */
    public boolean enqueue(OutgoingMail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.update("""
                        insert into mail_outbox (dedup_key, recipient, template, template_values, queued_at,
                                                 next_attempt_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (dedup_key) do nothing""",
                mail.dedupKey(), MailAddresses.normalise(mail.recipientAddress()), mail.templateName(),
                json(mail), now, now);
        return inserted == 1;
    }

    /** Whether a notice with this key was ever queued (sent or not). */
    public boolean isQueued(String dedupKey) {
        Integer count = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class,
                dedupKey);
        return count != null && count > 0;
    }

    private static String json(OutgoingMail mail) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(mail.values()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the values of " + mail.dedupKey(), e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
