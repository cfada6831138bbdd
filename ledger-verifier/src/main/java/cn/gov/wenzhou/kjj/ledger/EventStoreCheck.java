package cn.gov.wenzhou.kjj.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks funding-service's ledger table against its event store, with read access to its database: the table's own
 * chain and head (as {@link LedgerVerifier} checks an export), and every entry against the entry rebuilt from the
 * stored event at its place. A money event changed, deleted or moved in either place is named by its entry.
 */
public final class EventStoreCheck {

    private static final int FETCH = 1_000;

    private EventStoreCheck() {
    }

    public static Verification check(Connection database, SignedHead head, PublicKey key) throws SQLException {
        if (!head.verifiesWith(key)) {
            return Verification.bad(0, 0, "the head's signature does not verify with the key "
                    + SignedHead.keyIdOf(key));
        }
        // PostgreSQL streams a result set only inside a transaction; the check writes nothing and rolls it back
        // (give it a read-only database role)
        boolean autoCommit = database.getAutoCommit();
        database.setAutoCommit(false);
        String moneyTypes = LedgerEntries.MONEY_EVENT_TYPES.stream().map(t -> "?").collect(Collectors.joining(","));
        try (PreparedStatement ledger = database.prepareStatement(
                "select sequence, event_id, entry, entry_hash from ledger_entry order by sequence");
             PreparedStatement store = database.prepareStatement("select " + StoredEvent.COLUMNS
                     + " from domain_event_entry where payload_type in (" + moneyTypes + ") order by global_index")) {
            ledger.setFetchSize(FETCH);
            store.setFetchSize(FETCH);
            for (int i = 0; i < LedgerEntries.MONEY_EVENT_TYPES.size(); i++) {
                store.setString(i + 1, LedgerEntries.MONEY_EVENT_TYPES.get(i));
            }
            LedgerVerifier chain = new LedgerVerifier(head, key);
            long unchained = 0;
            try (ResultSet entries = ledger.executeQuery(); ResultSet events = store.executeQuery()) {
                while (entries.next()) {
                    long sequence = entries.getLong("sequence");
                    JsonNode entry;
                    try {
                        entry = CanonicalJson.parse(entries.getString("entry"));
                    } catch (IllegalArgumentException e) {
                        return Verification.bad(sequence - 1, sequence, "the ledger table holds no JSON for it");
                    }
                    if (!chain.accept(entry, entries.getBytes("entry_hash"))) {
                        return chain.failureOrNull();
                    }
                    if (!events.next()) {
                        return Verification.bad(sequence - 1, sequence, "the event store has no money event for it "
                                + "(event " + entries.getString("event_id") + " was deleted from the store)");
                    }
                    StoredEvent event = StoredEvent.from(events);
                    // compared as parsed canonical text: the same numbers, whatever node type built them
                    JsonNode rebuilt = CanonicalJson.parse(CanonicalJson.text(LedgerEntries.entry(sequence, event)));
                    if (!rebuilt.equals(entry)) {
                        return Verification.bad(sequence - 1, sequence, difference(entry, rebuilt, event));
                    }
                }
                Verification reached = chain.finish();
                if (!reached.verified()) {
                    return reached;
                }
                while (events.next()) {
                    unchained++;
                }
                String note = unchained == 0 ? "" : " (" + unchained + " newer money events not chained yet)";
                return new Verification(true, reached.entries(), reached.head() + ", matches the event store" + note,
                        null, null);
            }
        } finally {
            database.rollback();
            database.setAutoCommit(autoCommit);
        }
    }

    private static String difference(JsonNode ledger, JsonNode store, StoredEvent event) {
        if (!ledger.path("eventId").equals(store.path("eventId"))) {
            return "the ledger holds event " + ledger.path("eventId").asText() + " here, the event store's money "
                    + "event at this place is " + event.eventId() + " (position " + event.position()
                    + "): an event was deleted, added or moved";
        }
        String field = firstDifference("", ledger, store);
        return "event " + event.eventId() + " differs between the ledger and the event store at " + field
                + ": the stored event or its ledger entry was changed";
    }

    private static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !other.equals(field.getValue())) {
                    return other == null ? path + field.getKey()
                            : firstDifference(path + field.getKey() + ".", field.getValue(), other);
                }
            }
            Iterator<String> names = b.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!a.has(name)) {
                    return path + name;
                }
            }
        }
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
