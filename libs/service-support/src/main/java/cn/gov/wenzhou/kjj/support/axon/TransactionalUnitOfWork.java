package cn.gov.wenzhou.kjj.support.axon;

import cn.gov.wenzhou.kjj.support.kafka.EffectTransaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.function.Supplier;

/**
 * Runs work that dispatches commands (and may write its own rows) in one database transaction, as an Axon root unit
 * of work with that transaction attached. The commands' units of work nest in it, so their events are stored, the
 * transaction commits, and only then are the tracking processors told that new events exist.
 * <p>
 * A plain Spring transaction around the commands gets the order wrong: each command's unit of work finishes, and
 * signals its events, while the outer transaction is still open; the processors look, find nothing committed yet,
 * and only see the events at their next poll, about a second later. The aggregates' locks would also be released
 * before the commit.
 */
public class TransactionalUnitOfWork implements EffectTransaction {

    private final TransactionManager transactionManager;

    public TransactionalUnitOfWork(TransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    /**
     * Runs {@code work} and commits, or rolls back on any exception and rethrows it unchanged.
     *
     * @param label what the work is, for Axon's bookkeeping (never personal data)
     */
    @Override
    public <T> T execute(String label, Supplier<T> work) {
        DefaultUnitOfWork<GenericMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(label));
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<T> result = unitOfWork.executeWithResult(work::get, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(label + " failed", failure);
        }
        return result.getPayload();
    }
}
