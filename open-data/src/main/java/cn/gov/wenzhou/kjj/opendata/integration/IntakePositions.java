package cn.gov.wenzhou.kjj.opendata.integration;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** The intake's reading position per partition, kept with the read model ({@code intake_position}). */
@Component
public class IntakePositions {

    private final JdbcTemplate jdbc;

    public IntakePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the record at {@code offset} as read: the next one to read is {@code offset + 1}. */
    void read(String topic, int partition, long offset) {
        jdbc.update("""
                insert into intake_position (topic, partition, next_offset) values (?, ?, ?)
                on conflict (topic, partition) do update
                    set next_offset = greatest(intake_position.next_offset, excluded.next_offset)""",
                topic, partition, offset + 1);
    }

    public Map<TopicPartition, Long> all() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.query("select topic, partition, next_offset from intake_position", rs -> {
            positions.put(new TopicPartition(rs.getString("topic"), rs.getInt("partition")), rs.getLong("next_offset"));
        });
        return positions;
    }
}
