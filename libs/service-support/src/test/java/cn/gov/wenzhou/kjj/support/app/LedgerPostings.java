package cn.gov.wenzhou.kjj.support.app;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A projection for the parking tests, on a table narrower than its events (see V11): a long name or a total above
 * an integer fails in PostgreSQL, as a real projection's bug would.
 */
@Component
@ProcessingGroup(LedgerPostings.NAME)
public class LedgerPostings {

    public static final String NAME = "ledger-postings";

    private final JdbcTemplate jdbc;

    public LedgerPostings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Ledger.LedgerOpened event) {
        jdbc.update("insert into ledger_posting_total (ledger_id, name, total_fen) values (?, ?, 0)",
                event.ledgerId(), event.name());
    }

    @EventHandler
    void on(Ledger.Posted event) {
        jdbc.update("update ledger_posting_total set total_fen = total_fen + ? where ledger_id = ?",
                event.amountFen(), event.ledgerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from ledger_posting_total");
    }
}
