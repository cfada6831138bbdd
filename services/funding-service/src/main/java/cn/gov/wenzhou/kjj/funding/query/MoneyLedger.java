package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.CanonicalJson;
import cn.gov.wenzhou.kjj.ledger.Frontier;
import cn.gov.wenzhou.kjj.ledger.HashChain;
import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import cn.gov.wenzhou.kjj.ledger.MerkleTree;
import cn.gov.wenzhou.kjj.ledger.StoredEvent;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The tamper-evident money ledger: every money event of the event store, once, in the order of its global index,
 * chained by SHA-256 and leaves of an RFC 6962 Merkle tree (the definition is ledger-verifier's {@link LedgerEntries}).
 * <p>
 * Order without gaps or forks, off the commands' critical section: a transaction that stores a money event first takes
 * the ledger's advisory lock <em>shared</em> ({@link #enterMoneyTransaction()}, from {@link LedgerOrder} before its
 * events get their global index) and holds it to its end; money transactions never wait for each other. The chainer
 * ({@link #chainCommitted()}, from {@link LedgerChainer}'s one thread, after a money commit and on a poll) takes the
 * same lock <em>exclusive</em> for an instant: once it has it, no money transaction is between taking its index and
 * ending, so every money event up to the largest global index then visible is committed or will never be, and every
 * later one gets a larger index (the index is a database sequence, increment 1, one value per event). It then chains,
 * in its own transaction and with the head row locked, the money events after the head up to that bound, in index
 * order. A chain rebuilt from the event store in index order is therefore the same chain. The same round chains, on
 * start, money events stored before the ledger existed or while no chainer ran.
 * <p>
 * The price is a short lag: a money command's entry is written shortly after it commits ({@link #head()} says how far
 * the chain is; a proof for a stored but not yet chained event is a 409, see {@code LedgerController}).
 */
@Component
public class MoneyLedger {

    /** Events chained per statement batch when catching up on a long history. */
    static final int CATCH_UP_BATCH = 5_000;

    /**
     * The longest the chainer queues for the exclusive lock before it gives up this round (money transactions queue
     * behind it meanwhile). Shorter than PostgreSQL's deadlock_timeout (1 s): should a money transaction ever wait on
     * one queued behind the chainer, the chainer is the one that yields, and no command fails for it.
     */
    static final Duration EXCLUSIVE_WAIT = Duration.ofMillis(200);

    /** The advisory lock key of the ledger's order (the first 8 bytes of SHA-256 of the ledger's name). */
    static final long ORDER_LOCK = ByteBuffer.wrap(Sha256.of(
            "cn.gov.wenzhou.kjj.funding.money-ledger.order".getBytes(StandardCharsets.UTF_8))).getLong();

    private static final String MONEY_TYPES = LedgerEntries.MONEY_EVENT_TYPES.stream()
            .map(type -> "'" + type.replace("'", "''") + "'").collect(Collectors.joining(","));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public MoneyLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The chain's state after its last entry: {@code position} is the global index of the last chained event. */
    public record Head(long sequence, long position, byte[] entryHash, Frontier tree) {

        public byte[] rootHash() {
            return tree.root();
        }
    }

    /** One stored entry. */
    public record Entry(long sequence, String eventId, String entry, byte[] entryHash, byte[] leafHash) {
    }

    /**
     * Marks the current transaction as one that stores money events, until it ends: call before they get their global
     * index. Money transactions share this; only the chainer's instant excludes them.
     */
    public void enterMoneyTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a money event is stored only inside a transaction the ledger can order");
        }
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?)::text", String.class, ORDER_LOCK);
    }

    /**
     * One chaining round, in transactions of its own: waits (at most {@link #EXCLUSIVE_WAIT}) until no money
     * transaction is open, takes the largest committed global index, then chains every money event after the head up
     * to it. Returns how many it chained, or empty when it could not have the exclusive lock in time (try again).
     */
    public OptionalLong chainCommitted() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the ledger chains in its own transactions, never in a caller's");
        }
        Long bound;
        try {
            bound = transactions.execute(status -> {
                jdbc.execute("set local lock_timeout = " + EXCLUSIVE_WAIT.toMillis());
                jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, ORDER_LOCK);
                return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
            });
        } catch (PessimisticLockingFailureException busy) {
            return OptionalLong.empty();
        }
        Long chained = transactions.execute(status -> chainUpTo(bound == null ? 0 : bound));
        return OptionalLong.of(chained == null ? 0 : chained);
    }

    /** Chains the money events after the head up to global index {@code bound}, all of them committed. */
    private long chainUpTo(long bound) {
        long chained = 0;
        while (true) {
            Head head = head(true);
            List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry"
                            + " where global_index > ? and global_index <= ? and payload_type in (" + MONEY_TYPES
                            + ") order by global_index limit " + CATCH_UP_BATCH,
                    (row, n) -> StoredEvent.from(row), head.position(), bound);
            if (events.isEmpty()) {
                return chained;
            }
            append(head, events);
            chained += events.size();
            if (events.size() < CATCH_UP_BATCH) {
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

    /** Whether the event store holds a money event of this id (chained or not yet). */
    public boolean isStoredMoneyEvent(String eventId) {
        return !jdbc.queryForList("select 1 from domain_event_entry where event_identifier = ? and payload_type in ("
                + MONEY_TYPES + ")", Integer.class, eventId).isEmpty();
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
