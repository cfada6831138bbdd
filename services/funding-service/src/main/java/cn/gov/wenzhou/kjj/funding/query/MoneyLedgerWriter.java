package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Chains money events in the transaction that stores them: a subscribing processor ({@value #NAME}, see
 * funding-service.yml), called by the event store right after it appended the unit of work's events. An error here
 * fails the command: nothing is stored that is not chained.
 */
@Component
@ProcessingGroup(MoneyLedgerWriter.NAME)
public class MoneyLedgerWriter {

    public static final String NAME = "money-ledger";

    private final MoneyLedger ledger;

    public MoneyLedgerWriter(MoneyLedger ledger) {
        this.ledger = ledger;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (LedgerEntries.isMoneyEvent(message.getPayloadType().getName())) {
            ledger.chainNewEvents();
        }
    }
}
