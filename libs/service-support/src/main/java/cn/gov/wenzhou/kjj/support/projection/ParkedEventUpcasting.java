package cn.gov.wenzhou.kjj.support.projection;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Brings parked events up to the current shape of their classes. Axon reads the event store through the upcaster
 * chain, but reads its dead-letter queue without it: an event parked by the last release under a class name that has
 * since moved ({@code RenamedEventTypes}), or in a revision that an upcaster now converts, could never be retried.
 * At start, after the migrations and before any processor runs, every parked event whose stored type the chain would
 * change is rewritten where it lies with what the chain gives — the same upcasters as the store's, so there is one
 * description of each change. An upcaster that splits or drops an event cannot be written back into one row; such an
 * entry is left and said in the log (ids and types only).
 */
public class ParkedEventUpcasting {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventUpcasting.class);

    private final JdbcTemplate jdbc;
    private final EventUpcasterChain upcasters;
    private final Serializer eventSerializer;

    public ParkedEventUpcasting(JdbcTemplate jdbc, List<? extends EventUpcaster> upcasters,
                                Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.upcasters = new EventUpcasterChain(List.copyOf(upcasters));
        this.eventSerializer = eventSerializer;
    }

    /** Rewrites the parked events the chain changes; answers how many. */
    public int upcastParkedEvents() {
        List<Parked> parked = jdbc.query("""
                select dead_letter_id, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                       payload_type, payload_revision, payload, meta_data
                from dead_letter_entry order by processing_group, sequence_identifier, sequence_index""",
                (row, n) -> new Parked(row.getString("dead_letter_id"), new GenericDomainEventEntry<>(
                        row.getString("type"), row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                        row.getString("event_identifier"), row.getString("time_stamp"), row.getString("payload_type"),
                        row.getString("payload_revision"), row.getBytes("payload"),
                        Objects.requireNonNullElse(row.getBytes("meta_data"), "{}".getBytes()))));
        int rewritten = 0;
        for (Parked letter : parked) {
            List<IntermediateEventRepresentation> upcast = upcasters
                    .upcast(Stream.of(new InitialEventRepresentation(letter.entry(), eventSerializer))).toList();
            if (upcast.size() != 1) {
                log.warn("parked event {} ({}) becomes {} events in the current upcasters: left as stored",
                        letter.entry().getEventIdentifier(), letter.entry().getPayload().getType().getName(),
                        upcast.size());
                continue;
            }
            IntermediateEventRepresentation current = upcast.get(0);
            SerializedType stored = letter.entry().getPayload().getType();
            if (current.getType().equals(stored)) {
                continue;
            }
            SerializedObject<byte[]> payload = current.getData(byte[].class);
            jdbc.update("update dead_letter_entry set payload_type = ?, payload_revision = ?, payload = ? "
                            + "where dead_letter_id = ?",
                    current.getType().getName(), current.getType().getRevision(), payload.getData(), letter.id());
            log.info("parked event {} read as {} (stored as {})", letter.entry().getEventIdentifier(),
                    current.getType().getName(), stored.getName());
            rewritten++;
        }
        return rewritten;
    }

    private record Parked(String id, GenericDomainEventEntry<byte[]> entry) {
    }
}
