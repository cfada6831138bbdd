package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The money ledger chains asynchronously (shortly after a money command commits, see {@link MoneyLedger}): a test that
 * reads the ledger after a command first waits here for the chain, on a condition.
 */
public final class LedgerTestSupport {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    static final String MONEY_TYPES = LedgerEntries.MONEY_EVENT_TYPES.stream().map(type -> "'" + type + "'")
            .collect(Collectors.joining(","));

    private LedgerTestSupport() {
    }

    /** How many money events the event store holds (committed) that have no ledger entry yet. */
    public static long unchained(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry d where d.payload_type in (" + MONEY_TYPES
                + ") and not exists (select 1 from ledger_entry l where l.event_id = d.event_identifier)", Long.class);
    }

    /** Waits until every committed money event has its entry (a gap the chainer left would never close: it fails). */
    public static void awaitChained(JdbcTemplate jdbc) {
        await().atMost(PATIENCE).until(() -> unchained(jdbc) == 0);
    }

    /** Waits for the entry of one money event and returns it. */
    public static String awaitEntry(JdbcTemplate jdbc, String eventId) {
        return await().atMost(PATIENCE).until(() -> jdbc.queryForList("select entry from ledger_entry where event_id = ?",
                String.class, eventId), entries -> !entries.isEmpty()).get(0);
    }

    /** Waits until {@code chainer} has finished at least {@code rounds} more chaining rounds (with the lock or not). */
    public static void awaitRounds(LedgerChainer chainer, int rounds) {
        long from = chainer.attempts();
        await().atMost(PATIENCE).until(() -> chainer.attempts() >= from + rounds);
    }

    /** The global index of the last chained event (0: none). */
    public static long headPosition(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select position from ledger_head where id = 1", Long.class);
    }
}
