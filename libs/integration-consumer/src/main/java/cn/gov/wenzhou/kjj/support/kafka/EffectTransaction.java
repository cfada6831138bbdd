package cn.gov.wenzhou.kjj.support.kafka;

import java.util.function.Supplier;

/**
 * Runs a consumer's effect and the record of its {@code ce_id} in one database transaction: both commit or neither
 * does. The services run it as an Axon unit of work (service-support's {@code TransactionalUnitOfWork}), so their
 * processors are woken only after the commit; an application without Axon gets a plain Spring transaction.
 */
public interface EffectTransaction {

    /**
     * Runs {@code work} and commits, or rolls back on any exception and rethrows it unchanged.
     *
     * @param label what the work is, for logs and bookkeeping (never personal data)
     */
    <T> T execute(String label, Supplier<T> work);
}
