package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tiny aggregate for the support library's own tests. */
@Aggregate
public class Ledger {

    public record OpenLedger(@TargetAggregateIdentifier String ledgerId, String name) {
    }

    public record Post(@TargetAggregateIdentifier String ledgerId, long amountFen) {
    }

    public record LedgerOpened(String ledgerId, String name) {
    }

    public record Posted(String ledgerId, long amountFen, long balanceFen) {
    }

    @AggregateIdentifier
    private String ledgerId;
    private long balanceFen;

    protected Ledger() {
    }

    @CommandHandler
    public Ledger(OpenLedger command) {
        apply(new LedgerOpened(command.ledgerId(), command.name()));
    }

    @CommandHandler
    public void handle(Post command) {
        if (balanceFen + command.amountFen() < 0) {
            throw new RuleViolationException("ledger.no-overdraft", "balance would fall below zero");
        }
        apply(new Posted(ledgerId, command.amountFen(), balanceFen + command.amountFen()));
    }

    @EventSourcingHandler
    void on(LedgerOpened event) {
        ledgerId = event.ledgerId();
    }

    @EventSourcingHandler
    void on(Posted event) {
        balanceFen = event.balanceFen();
    }
}
