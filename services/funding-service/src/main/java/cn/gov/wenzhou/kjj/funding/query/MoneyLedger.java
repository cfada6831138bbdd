package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.CanonicalJson;
import cn.gov.wenzhou.kjj.ledger.Frontier;
import cn.gov.wenzhou.kjj.ledger.HashChain;
import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import cn.gov.wenzhou.kjj.ledger.MerkleTree;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.ledger.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The tamper-evident money ledger: every money event of the event store, once, in the order of its global index,
 * chained by SHA-256 and leaves of an RFC 6962 Merkle tree (the definition is ledger-verifier's {@link LedgerEntries}).
 * <p>
 * Order without gaps or forks, off the commands' critical section (issue 16: chaining inside the command's transaction
 * serialised every money command). Money transactions never wait for the ledger or for each other; they commit in any
 * order, and the chainer ({@link #chainCommitted()}, from {@link LedgerChainer}'s thread) chains after them:
 * <ol>
 * <li>a transaction that stores a money event marks itself before its events take their global index
 * ({@link #enterMoneyTransaction()}, from {@link LedgerOrder}): an advisory lock taken shared, which nobody ever takes
 * exclusive, so it never waits, held until the transaction ends;</li>
 * <li>the chainer reads the largest committed global index {@code bound}, then lists the transactions holding the mark.
 * A money event at or below {@code bound} took its index before that index was committed, so its transaction had its
 * mark before the list was read: it is either finished or listed;</li>
 * <li>the chainer waits until every listed transaction has ended. Now every money event up to {@code bound} is
 * committed or will never be (a transaction's locks are released after its commit is visible), and every later one
 * gets a larger index (the index is a database sequence, increment 1, one value per event);</li>
 * <li>it chains, in its own transaction and with the head row locked, the money events after the head up to
 * {@code bound}, in index order.</li>
 * </ol>
 * A chain rebuilt from the event store in index order is therefore the same chain, and two chainers (two instances)
 * only ever append after the head they locked. The same round chains, on start, money events stored before the ledger
 * existed or while no chainer ran.
 * <p>
 * The price is a short lag: a money command's entry is written shortly after it commits ({@link #head()} says how far
 * the chain is; a proof for a stored but not yet chained event is a 409, see {@code LedgerController}), and a
 * long-running money transaction holds the chain back (not the other commands) until it ends.
 */
@Component
public class MoneyLedger {

    /** Events chained per statement batch when catching up on a long history. */
    static final int CATCH_UP_BATCH = 5_000;

    /**
     * The longest one round waits for the money transactions it listed; then it gives up (empty) and the next round
     * starts again from a new bound and list.
     */
    static final Duration IN_PROGRESS_WAIT = Duration.ofSeconds(2);

    /**
     * How long a round waits before it looks again whether those transactions have ended: from the first to the last
     * pause, doubling (most end within milliseconds; a loaded server is not asked hundreds of times a second).
     */
    static final Duration IN_PROGRESS_FIRST_PAUSE = Duration.ofMillis(1);
    static final Duration IN_PROGRESS_LAST_PAUSE = Duration.ofMillis(25);

    /**
     * The money mark's advisory lock key (two int4 keys: the first 31 bits of SHA-256 of the ledger's name, and 1);
     * advisory locks are per database, so the mark is this database's only.
     */
    static final int MARK_CLASS = ByteBuffer.wrap(Sha256.of("cn.gov.wenzhou.kjj.funding.money-ledger.mark"
            .getBytes(StandardCharsets.UTF_8))).getInt() & 0x7fffffff;
    static final int MARK_OBJECT = 1;
    private static final String MARKED = "locktype = 'advisory' and objsubid = 2 and classid::bigint = " + MARK_CLASS
            + " and objid::bigint = " + MARK_OBJECT + " and database = (select oid from pg_database where datname = "
            + "current_database())";

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
     * Marks the current transaction as a money transaction until it ends: call before its money events get their
     * global index. The mark is a transaction-level advisory lock taken shared and never exclusive by anyone, so it
     * never waits; it only makes the transaction visible in {@code pg_locks} to the chainer.
     */
    public void enterMoneyTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a money event is stored only inside a transaction the ledger can order");
        }
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?, ?)::text", String.class, MARK_CLASS, MARK_OBJECT);
    }

    /**
     * One chaining round: reads the largest committed global index, then which money transactions are in progress,
     * waits (at most {@link #IN_PROGRESS_WAIT}) until those have ended, then chains every money event after the head up
     * to that index, in a transaction of its own. Returns how many it chained, or empty when those transactions did not
     * end in time or the thread was interrupted (try again).
     */
    public OptionalLong chainCommitted() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the ledger chains in its own transactions, never in a caller's");
        }
        // two statements, in this order: the money transactions are listed after the bound was committed
        long bound = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        List<String> inProgress = jdbc.queryForList("select virtualtransaction from pg_locks where " + MARKED,
                String.class);
        if (!inProgress.isEmpty() && !awaitEnded(inProgress)) {
            return OptionalLong.empty();
        }
        Long chained = transactions.execute(status -> chainUpTo(bound));
        return OptionalLong.of(chained == null ? 0 : chained);
    }

    /** Waits until none of these (virtual) transactions holds the money mark any more; false if not in time. */
    private boolean awaitEnded(List<String> transactionIds) {
        String holding = "select count(*) from pg_locks where " + MARKED + " and virtualtransaction in ("
                + transactionIds.stream().map(id -> "?").collect(Collectors.joining(",")) + ")";
        Object[] ids = transactionIds.toArray();
        long deadline = System.nanoTime() + IN_PROGRESS_WAIT.toNanos();
        long pause = IN_PROGRESS_FIRST_PAUSE.toNanos();
        while (jdbc.queryForObject(holding, Long.class, ids) > 0) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(2 * pause, IN_PROGRESS_LAST_PAUSE.toNanos());
        }
        return true;
    }

    /**
     * Chains the money events after the head up to global index {@code bound}, all of them committed. Looks before it
     * locks: a round with nothing to chain writes nothing (no row lock, no commit to flush). A round that chains does
     * not wait for its commit to be flushed (synchronous_commit off, this transaction only): the ledger is a function
     * of the durable event store, so a round lost in a crash is chained again after it, to the same entries and head.
     */
    private long chainUpTo(long bound) {
        long seen = head(false).position();
        List<StoredEvent> events = eventsAfter(seen, bound);
        long chained = 0;
        if (!events.isEmpty()) {
            jdbc.execute("set local synchronous_commit = off");
        }
        while (!events.isEmpty()) {
            Head head = head(true);
            if (head.position() != seen) {
                // another instance's chainer moved the head after we looked: go on from its last entry
                seen = head.position();
                events = eventsAfter(seen, bound);
                continue;
            }
            append(head, events);
            chained += events.size();
            if (events.size() < CATCH_UP_BATCH) {
                break;
            }
            seen = events.get(events.size() - 1).position();
            events = eventsAfter(seen, bound);
        }
        return chained;
    }

    private List<StoredEvent> eventsAfter(long position, long bound) {
        return jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index > ? and "
                        + "global_index <= ? and payload_type in (" + MONEY_TYPES + ") order by global_index limit "
                        + CATCH_UP_BATCH, (row, n) -> StoredEvent.from(row), position, bound);
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

    /**
     * How far the chain is behind the event store: the money events stored after the head's position (counted up to
     * {@code countAtMost}, so asking stays cheap after a long outage of the chainer) and when the oldest was stored.
     */
    public Lag lag(int countAtMost) {
        long position = jdbc.queryForObject("select position from ledger_head where id = 1", Long.class);
        long unchained = jdbc.queryForObject("select count(*) from (select 1 from domain_event_entry where "
                + "global_index > ? and payload_type in (" + MONEY_TYPES + ") limit ?) tail", Long.class, position,
                countAtMost + 1L);
        Optional<Instant> oldest = unchained == 0 ? Optional.empty() : jdbc.query("select time_stamp from "
                + "domain_event_entry where global_index > ? and payload_type in (" + MONEY_TYPES + ") order by "
                + "global_index limit 1", (row, n) -> Instant.parse(row.getString(1)), position).stream().findFirst();
        return new Lag(Math.min(unchained, countAtMost), unchained > countAtMost, oldest);
    }

    /**
     * The chain's lag: {@code unchained} money events wait for their entries ({@code more}: at least that many),
     * the oldest of them stored at {@code oldestStoredAt}.
     */
    public record Lag(long unchained, boolean more, Optional<Instant> oldestStoredAt) {
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
