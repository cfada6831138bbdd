package cn.gov.wenzhou.kjj.support.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters of this service's consumers, in its own database ({@code kafka_dead_letter}). A record is stored
 * once per consumer group and position, so a redelivered record that fails again adds nothing; replay and discard
 * change only a PENDING one, so both are safe to repeat.
 */
public class DeadLetterStore {

    private static final String COLUMNS = """
            id, consumer_group, topic, topic_partition, record_offset, record_key, ce_id, ce_type, ce_source, reason,
            dead_lettered_at, status, resolved_at, resolved_by, resolution, last_replay_failure""";
    private static final TypeReference<List<StoredHeader>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeadLetterStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a record its consumer gave up on; {@code false} if that record of that group was kept already. */
    public boolean add(ConsumerRecord<?, ?> record, String consumerGroup, String reason) {
        return jdbc.update("""
                        insert into kafka_dead_letter (consumer_group, topic, topic_partition, record_offset,
                            record_timestamp, record_key, record_value, record_headers, ce_id, ce_type, ce_source,
                            reason, dead_lettered_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
                        on conflict (consumer_group, topic, topic_partition, record_offset) do nothing""",
                storable(consumerGroup), storable(record.topic()), record.partition(), record.offset(),
                record.timestamp(), record.key() == null ? null : storable(record.key().toString()),
                bytes(record.value()), headersOf(record), storable(header(record, CloudEventHeaders.ID)),
                storable(header(record, CloudEventHeaders.TYPE)), storable(header(record, CloudEventHeaders.SOURCE)),
                storable(reason), Timestamp.from(clock.instant())) == 1;
    }

    /** Newest first; {@code status} null for every status. */
    public List<DeadLetter> list(DeadLetter.Status status, int limit) {
        String where = status == null ? "" : " where status = '" + status.name() + "'";
        return jdbc.query("select " + COLUMNS + ", null as record_value from kafka_dead_letter" + where
                + " order by id desc limit ?", ROW, limit);
    }

    /** PENDING ones in the order their records were read: by topic, partition and offset. */
    public List<Long> pendingIds() {
        return jdbc.queryForList("""
                select id from kafka_dead_letter where status = 'PENDING'
                order by consumer_group, topic, topic_partition, record_offset""", Long.class);
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("select " + COLUMNS + ", record_value from kafka_dead_letter where id = ?", ROW, id)
                .stream().findFirst();
    }

    /** The record as it was read, to give it to its listener again. */
    public Optional<ConsumerRecord<String, byte[]>> recordOf(long id) {
        return jdbc.query("""
                select topic, topic_partition, record_offset, record_timestamp, record_key, record_value,
                       record_headers
                from kafka_dead_letter where id = ?""", (rs, i) -> {
            byte[] value = rs.getBytes("record_value");
            String key = rs.getString("record_key");
            RecordHeaders headers = new RecordHeaders();
            for (StoredHeader header : readHeaders(rs.getString("record_headers"))) {
                headers.add(new RecordHeader(header.name(),
                        header.value() == null ? null : Base64.getDecoder().decode(header.value())));
            }
            // the key is stored as read, apart from a NUL (see storable)
            return new ConsumerRecord<>(rs.getString("topic"), rs.getInt("topic_partition"),
                    rs.getLong("record_offset"), rs.getLong("record_timestamp"), TimestampType.CREATE_TIME,
                    key == null ? -1 : key.getBytes(StandardCharsets.UTF_8).length,
                    value == null ? -1 : value.length, key, value, headers, Optional.empty());
        }, id).stream().findFirst();
    }

    /** Marks a PENDING dead letter replayed; {@code false} if it was not PENDING any more. */
    public boolean markReplayed(long id, String operator, String resolution) {
        return resolve(id, DeadLetter.Status.REPLAYED, operator, resolution);
    }

    public boolean markDiscarded(long id, String operator, String reason) {
        return resolve(id, DeadLetter.Status.DISCARDED, operator, reason);
    }

    public void markReplayFailed(long id, String failure) {
        jdbc.update("update kafka_dead_letter set last_replay_failure = ? where id = ? and status = 'PENDING'",
                failure, id);
    }

    /** Dead letters waiting for an operator, by topic. */
    public Map<String, Long> pendingByTopic() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                select topic, count(*) from kafka_dead_letter where status = 'PENDING'
                group by topic order by topic""", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private boolean resolve(long id, DeadLetter.Status status, String operator, String resolution) {
        return jdbc.update("""
                        update kafka_dead_letter set status = ?, resolved_at = ?, resolved_by = ?, resolution = ?
                        where id = ? and status = 'PENDING'""",
                status.name(), Timestamp.from(clock.instant()), operator, resolution, id) == 1;
    }

    private static final RowMapper<DeadLetter> ROW = (rs, i) -> new DeadLetter(rs.getLong("id"),
            rs.getString("consumer_group"), rs.getString("topic"), rs.getInt("topic_partition"),
            rs.getLong("record_offset"), rs.getString("record_key"), rs.getString("ce_id"), rs.getString("ce_type"),
            rs.getString("ce_source"), rs.getString("reason"), instant(rs.getTimestamp("dead_lettered_at")),
            DeadLetter.Status.valueOf(rs.getString("status")), instant(rs.getTimestamp("resolved_at")),
            rs.getString("resolved_by"), rs.getString("resolution"), rs.getString("last_replay_failure"),
            text(rs.getBytes("record_value")));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The value as text when it is UTF-8 (integration events are JSON), else its size. */
    private static String text(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return "(" + value.length + " bytes, not UTF-8)";
        }
    }

    /** PostgreSQL text cannot hold NUL, and a sender may put one anywhere: storing must not fail on content. */
    private static String storable(String text) {
        return text == null ? null : text.replace((char) 0, '?');
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String headersOf(ConsumerRecord<?, ?> record) {
        List<StoredHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new StoredHeader(header.key(),
                    header.value() == null ? null : Base64.getEncoder().encodeToString(header.value())));
        }
        try {
            return IntegrationJson.mapper().writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a dead letter could not be written", e);
        }
    }

    private static List<StoredHeader> readHeaders(String json) {
        try {
            return IntegrationJson.mapper().readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a dead letter could not be read", e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private record StoredHeader(String name, String value) {
    }
}
