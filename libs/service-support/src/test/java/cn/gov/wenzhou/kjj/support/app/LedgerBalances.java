package cn.gov.wenzhou.kjj.support.app;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A projection for the support library's own rebuild tests. */
@Component
@ProcessingGroup(LedgerBalances.NAME)
public class LedgerBalances {

    public static final String NAME = "ledger-balances";

    private final JdbcTemplate jdbc;

    public LedgerBalances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Ledger.LedgerOpened event) {
        jdbc.update("insert into ledger_balance (ledger_id, name, balance_fen, postings) values (?, ?, 0, 0)",
                event.ledgerId(), event.name());
    }

    @EventHandler
    void on(Ledger.Posted event) {
        jdbc.update("update ledger_balance set balance_fen = ?, postings = postings + 1 where ledger_id = ?",
                event.balanceFen(), event.ledgerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from ledger_balance");
    }
}
