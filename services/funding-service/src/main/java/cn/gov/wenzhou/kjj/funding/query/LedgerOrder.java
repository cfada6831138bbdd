package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs as the event store is about to store a unit of work's events, before they get their global index (Axon calls
 * dispatch interceptors in the prepare-commit phase, just before it appends): when they include a money event, the
 * ledger head is locked for the rest of the transaction, so money events get their index and their entry in one
 * order.
 */
public class LedgerOrder implements MessageDispatchInterceptor<EventMessage<?>> {

    private final MoneyLedger ledger;

    public LedgerOrder(MoneyLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (messages.stream().anyMatch(message -> LedgerEntries.isMoneyEvent(message.getPayloadType().getName()))) {
            ledger.lockHead();
        }
        return (index, message) -> message;
    }
}
