package cn.gov.wenzhou.kjj.opendata.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** The datasets' version counters and the read model's generation (tables {@code dataset}, {@code read_model}). */
@Component
public class Datasets {

    private final JdbcTemplate jdbc;

    public Datasets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One query: cheap enough to answer a conditional GET with nothing else. */
    public Versions current() {
        Map<Dataset, Long> versions = new EnumMap<>(Dataset.class);
        Map<Dataset, Instant> changedAt = new EnumMap<>(Dataset.class);
        UUID[] generation = new UUID[1];
        jdbc.query("select d.name, d.version, d.changed_at, r.generation from dataset d cross join read_model r",
                rs -> {
                    Dataset dataset = byKey(rs.getString("name"));
                    versions.put(dataset, rs.getLong("version"));
                    Timestamp changed = rs.getTimestamp("changed_at");
                    if (changed != null) {
                        changedAt.put(dataset, changed.toInstant());
                    }
                    generation[0] = rs.getObject("generation", UUID.class);
                });
        return new Versions(generation[0], versions, changedAt);
    }

    /** Called in the transaction that applies an event to the dataset: the event's own time, never the clock's. */
    void changed(Dataset dataset, Instant eventTime) {
        jdbc.update("""
                        update dataset set version = version + 1,
                            changed_at = greatest(changed_at, coalesce(?, changed_at)) where name = ?""",
                eventTime == null ? null : Timestamp.from(eventTime), dataset.key());
    }

    private static Dataset byKey(String key) {
        for (Dataset dataset : Dataset.values()) {
            if (dataset.key().equals(key)) {
                return dataset;
            }
        }
        throw new IllegalStateException("unknown dataset " + key);
    }
}
