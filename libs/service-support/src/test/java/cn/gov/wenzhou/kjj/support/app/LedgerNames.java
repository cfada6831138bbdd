package cn.gov.wenzhou.kjj.support.app;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A projection that does not park (support-test.yml excludes its group), with switches the rebuild tests turn on and
 * off: an event it cannot apply (the opening of one ledger) and a reset that fails. Both are off unless a test sets
 * them, and every test that sets them clears them again.
 */
@Component
@ProcessingGroup(LedgerNames.NAME)
public class LedgerNames {

    public static final String NAME = "ledger-names";

    private final JdbcTemplate jdbc;
    private volatile String failOnLedger;
    private volatile boolean failReset;
    private final AtomicInteger failures = new AtomicInteger();

    public LedgerNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** From now on, the opening of {@code ledgerId} cannot be applied ({@code null}: every event can). */
    public void failOn(String ledgerId) {
        failOnLedger = ledgerId;
    }

    public void failReset(boolean fail) {
        failReset = fail;
    }

    /** How often an event has failed here so far. */
    public int failures() {
        return failures.get();
    }

    @EventHandler
    void on(Ledger.LedgerOpened event) {
        if (event.ledgerId().equals(failOnLedger)) {
            failures.incrementAndGet();
            throw new IllegalStateException("the test made this event impossible to apply");
        }
        jdbc.update("insert into ledger_name (ledger_id, name) values (?, ?)", event.ledgerId(), event.name());
    }

    @ResetHandler
    void reset() {
        if (failReset) {
            throw new IllegalStateException("the test made this reset fail");
        }
        jdbc.update("delete from ledger_name");
    }
}
