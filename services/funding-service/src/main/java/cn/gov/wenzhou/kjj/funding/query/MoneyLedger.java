package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.CanonicalJson;
import cn.gov.wenzhou.kjj.ledger.Frontier;
import cn.gov.wenzhou.kjj.ledger.HashChain;
import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import cn.gov.wenzhou.kjj.ledger.MerkleTree;
import cn.gov.wenzhou.kjj.ledger.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The tamper-evident money ledger: every money event of the event store, once, in the order of its global index,
 * chained by SHA-256 and leaves of an RFC 6962 Merkle tree (the definition is ledger-verifier's {@link LedgerEntries}).
 * <p>
 * Order without gaps or forks: a transaction that stores a money event first locks the ledger head
 * ({@link #lockHead()}, from {@link LedgerOrder} before the events get their global index) and, after storing them,
 * chains every money event after the last chained one ({@link #chainNewEvents()}, from {@link MoneyLedgerWriter}), in
 * the same transaction. Money events are therefore stored and chained one transaction at a time, in index order, and
 * committed or rolled back with their entries: a chain rebuilt from the event store in index order is the same chain.
 * The same catch-up chains, on start, money events stored before the ledger existed.
 */
@Component
public class MoneyLedger {

    /** Events chained per statement batch when catching up on a long history. */
    static final int CATCH_UP_BATCH = 5_000;

    private static final String MONEY_TYPES = LedgerEntries.MONEY_EVENT_TYPES.stream()
            .map(type -> "'" + type.replace("'", "''") + "'").collect(Collectors.joining(","));

    private final JdbcTemplate jdbc;

    public MoneyLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain's state after its last entry. */
    public record Head(long sequence, long position, byte[] entryHash, Frontier tree) {

        public byte[] rootHash() {
            return tree.root();
        }
    }

    /** One stored entry. */
    public record Entry(long sequence, String eventId, String entry, byte[] entryHash, byte[] leafHash) {
    }

    /** Holds the head's row lock until the current transaction ends. */
    public void lockHead() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a money event is stored only inside a transaction that chains it");
        }
        jdbc.queryForObject("select sequence from ledger_head where id = 1 for update", Long.class);
    }

    /** Chains every money event stored after the last chained one; returns how many. Call with the head locked. */
    public long chainNewEvents() {
        long chained = 0;
        while (true) {
            Head head = head(true);
            List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry"
                            + " where global_index > ? and payload_type in (" + MONEY_TYPES + ")"
                            + " order by global_index limit " + CATCH_UP_BATCH,
                    (row, n) -> StoredEvent.from(row), head.position());
            if (events.isEmpty()) {
                return chained;
            }
            append(head, events);
            chained += events.size();
            if (events.size() < CATCH_UP_BATCH) {
                // the head is locked: no money event can be stored meanwhile, so a short batch was the last one (a
                // command's own events end here, without a second round of reading the head and the store)
                return chained;
            }
        }
    }

    private void append(Head head, List<StoredEvent> events) {
        long sequence = head.sequence();
        byte[] previous = head.entryHash();
        Frontier tree = head.tree();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            sequence++;
            String entry = CanonicalJson.text(LedgerEntries.entry(sequence, event));
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            byte[] leaf = MerkleTree.leafHash(bytes);
            previous = HashChain.next(previous, bytes);
            tree.append(leaf);
            rows.add(new Object[]{sequence, event.eventId(), event.position(), entry, previous, leaf});
        }
        jdbc.batchUpdate("insert into ledger_entry (sequence, event_id, position, entry, entry_hash, leaf_hash) "
                + "values (?, ?, ?, ?, ?, ?)", rows);
        int updated = jdbc.update("update ledger_head set sequence = ?, position = ?, entry_hash = ?, frontier = ? "
                        + "where id = 1 and sequence = ?", sequence, events.get(events.size() - 1).position(), previous,
                tree.bytes(), head.sequence());
        if (updated != 1) {
            throw new IllegalStateException("the ledger head moved while entries were chained to it");
        }
    }

    /** The committed head. */
    public Head head() {
        return head(false);
    }

    private Head head(boolean forUpdate) {
        return jdbc.queryForObject("select sequence, position, entry_hash, frontier from ledger_head where id = 1"
                        + (forUpdate ? " for update" : ""),
                (row, n) -> new Head(row.getLong("sequence"), row.getLong("position"), row.getBytes("entry_hash"),
                        Frontier.of(row.getLong("sequence"), row.getBytes("frontier"))));
    }

    public Optional<Entry> entryOf(String eventId) {
        return jdbc.query("select sequence, event_id, entry, entry_hash, leaf_hash from ledger_entry "
                + "where event_id = ?", (row, n) -> entry(row), eventId).stream().findFirst();
    }

    /** Entries 1..{@code upTo}, in order, streamed from a cursor. */
    public void entries(long upTo, Consumer<Entry> each) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select sequence, event_id, entry, entry_hash, leaf_hash "
                    + "from ledger_entry where sequence <= ? order by sequence");
            statement.setFetchSize(1_000);
            statement.setLong(1, upTo);
            return statement;
        }, row -> {
            each.accept(entry(row));
        });
    }

    /** The Merkle leaves of entries 1..{@code upTo}, in order. */
    public List<byte[]> leafHashes(long upTo) {
        List<byte[]> leaves = new ArrayList<>((int) Math.min(upTo, 1_000_000));
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "select leaf_hash from ledger_entry where sequence <= ? order by sequence");
            statement.setFetchSize(10_000);
            statement.setLong(1, upTo);
            return statement;
        }, row -> {
            leaves.add(row.getBytes(1));
        });
        return leaves;
    }

    private static Entry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Entry(row.getLong("sequence"), row.getString("event_id"), row.getString("entry"),
                row.getBytes("entry_hash"), row.getBytes("leaf_hash"));
    }
}
