package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where rotations stand ({@code master_key_rotation}): written by the rotation's commands, in their transaction, and
 * by each batch, in the batch's. What a rotation holds: key ids and counts, never a key.
 */
@Component
public class MasterKeyRotationLedger {

    public enum State { RUNNING, COMPLETED, ABANDONED }

    /** A rotation as the ledger has it. */
    public record Entry(String rotationId, String fromKeyId, String toKeyId, int keysToRewrap, int keysRewrapped,
                        State state, Instant startedAt, Instant updatedAt, Instant endedAt, String endReason) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, row) -> new Entry(rs.getString("rotation_id"),
            rs.getString("from_key_id"), rs.getString("to_key_id"), rs.getInt("keys_to_rewrap"),
            rs.getInt("keys_rewrapped"), State.valueOf(rs.getString("state")), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("ended_at")), rs.getString("end_reason"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MasterKeyRotationLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws RuleViolationException {@code master-key-rotation.in-progress} when another rotation runs */
    void begin(String rotationId, String fromKeyId, String toKeyId, int keysToRewrap) {
        Timestamp now = Timestamp.from(clock.instant());
        int begun = jdbc.update("""
                insert into master_key_rotation (rotation_id, from_key_id, to_key_id, keys_to_rewrap, state,
                                                 started_at, updated_at)
                values (?, ?, ?, ?, 'RUNNING', ?, ?) on conflict do nothing""",
                rotationId, fromKeyId, toKeyId, keysToRewrap, now, now);
        if (begun != 1) {
            throw new RuleViolationException("master-key-rotation.in-progress", "a master-key rotation is running");
        }
    }

    void progressed(String rotationId, int rewrapped) {
        jdbc.update("update master_key_rotation set keys_rewrapped = keys_rewrapped + ?, updated_at = ?"
                + " where rotation_id = ?", rewrapped, Timestamp.from(clock.instant()), rotationId);
    }

    void end(String rotationId, State state, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update master_key_rotation set state = ?, updated_at = ?, ended_at = ?, end_reason = ?"
                + " where rotation_id = ?", state.name(), now, now, reason, rotationId);
    }

    public Optional<Entry> running() {
        return jdbc.query("select * from master_key_rotation where state = 'RUNNING'", ENTRY).stream().findFirst();
    }

    public Optional<Entry> find(String rotationId) {
        return jdbc.query("select * from master_key_rotation where rotation_id = ?", ENTRY, rotationId)
                .stream().findFirst();
    }

    /** The latest rotation, running or not. */
    public Optional<Entry> latest() {
        return jdbc.query("select * from master_key_rotation order by started_at desc, rotation_id limit 1", ENTRY)
                .stream().findFirst();
    }

    /** The data keys still readable (not erased), by the id of the master key that wraps them. */
    public Map<String, Long> dataKeysByMasterKey() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select master_key_id, count(*) from personal_data_key where wrapped_key is not null"
                + " group by master_key_id order by master_key_id", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    public int dataKeysUnder(String masterKeyId) {
        Integer count = jdbc.queryForObject("select count(*) from personal_data_key where wrapped_key is not null"
                + " and master_key_id = ?", Integer.class, masterKeyId);
        return count == null ? 0 : count;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
