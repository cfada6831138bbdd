package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs as the event store is about to store a unit of work's events, before they get their global index (Axon calls
 * dispatch interceptors in the prepare-commit phase, just before it appends): when they include a money event, the
 * transaction marks itself as a money transaction until it ends ({@link MoneyLedger#enterMoneyTransaction()}, a shared
 * advisory lock nobody takes exclusive: it never waits), so the chainer can tell when every money event up to an index
 * is committed, and the chainer is woken once it commits.
 */
public class LedgerOrder implements MessageDispatchInterceptor<EventMessage<?>> {

    private final MoneyLedger ledger;
    private final LedgerChainer chainer;

    public LedgerOrder(MoneyLedger ledger, LedgerChainer chainer) {
        this.ledger = ledger;
        this.chainer = chainer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (messages.stream().anyMatch(message -> LedgerEntries.isMoneyEvent(message.getPayloadType().getName()))) {
            ledger.enterMoneyTransaction();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    chainer.wake();
                }
            });
        }
        return (index, message) -> message;
    }
}
