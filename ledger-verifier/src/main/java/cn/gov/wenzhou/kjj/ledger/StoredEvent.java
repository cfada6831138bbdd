package cn.gov.wenzhou.kjj.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A money event as Axon's event store on PostgreSQL holds it ({@code domain_event_entry}): the ledger's entries are
 * made from exactly these columns, so anyone with read access to the store can rebuild them.
 */
public record StoredEvent(long position, String eventId, String type, String aggregateId, long aggregateSequence,
                          String recordedAt, byte[] payload, byte[] metadata) {

    /** The columns {@link #from(ResultSet)} reads, of {@code domain_event_entry}. */
    public static final String COLUMNS = "global_index, event_identifier, payload_type, aggregate_identifier, "
            + "sequence_number, time_stamp, payload, meta_data";

    public static StoredEvent from(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("payload_type"), row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                row.getString("time_stamp"), row.getBytes("payload"), row.getBytes("meta_data"));
    }
}
