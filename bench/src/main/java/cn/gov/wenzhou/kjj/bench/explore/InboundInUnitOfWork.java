package cn.gov.wenzhou.kjj.bench.explore;

import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import cn.gov.wenzhou.kjj.support.kafka.ProcessedMessages;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Exploration only ({@code --with inbound-unit-of-work}): the same exactly-once consumption as
 * {@link InboundIntegrationEvents} (the seen {@code ce_id} and the effect's events in one transaction), but the
 * transaction belongs to an Axon root unit of work instead of a Spring TransactionTemplate around it. Then Axon's
 * after-commit phase, which wakes the event store's tracking processors, runs after the real commit; with the
 * template it runs before, finds nothing committed yet, and the processors wait for the next poll (1 s).
 */
@Configuration(proxyBeanMethods = false)
public class InboundInUnitOfWork {

    @Bean
    @Primary
    public InboundIntegrationEvents unitOfWorkInbound(ProcessedMessages processedMessages,
                                                        PlatformTransactionManager springTransactions,
                                                        TransactionManager axonTransactions) {
        return new InboundIntegrationEvents(processedMessages, new TransactionTemplate(springTransactions)) {
            @Override
            public boolean apply(ConsumerRecord<String, byte[]> record, String consumer,
                                 Consumer<ReceivedEvent> effect) {
                Optional<ReceivedEvent> received = read(record);
                if (received.isEmpty()) {
                    return false;
                }
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                try {
                    unitOfWork.attachTransaction(axonTransactions);
                    boolean applied = processedMessages.markProcessed(consumer, received.get().id());
                    if (applied) {
                        effect.accept(received.get());
                    }
                    unitOfWork.commit();
                    return applied;
                } catch (RuntimeException | Error e) {
                    if (unitOfWork.isActive()) {
                        unitOfWork.rollback(e);
                    }
                    throw e;
                }
            }
        };
    }
}
