package cn.gov.wenzhou.kjj.support.kafka;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The {@code ce_id}s a consumer has already applied, in the service's own database. Written in the same transaction
 * as the consumer's effect, so a redelivered record is recognised and changes nothing.
 */
public class ProcessedMessages {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the message for the consumer; {@code false} if that consumer had already processed it. */
    public boolean markProcessed(String consumer, String messageId) {
        return jdbc.update("""
                        insert into processed_message (consumer, message_id, processed_at) values (?, ?, ?)
                        on conflict (consumer, message_id) do nothing""",
                consumer, messageId, Timestamp.from(clock.instant())) == 1;
    }

    public long countFor(String consumer) {
        Long count = jdbc.queryForObject("select count(*) from processed_message where consumer = ?", Long.class,
                consumer);
        return count == null ? 0 : count;
    }
}
