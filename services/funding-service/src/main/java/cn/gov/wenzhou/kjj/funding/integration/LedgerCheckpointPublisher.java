package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.funding.LedgerCheckpointed;
import cn.gov.wenzhou.kjj.funding.command.LedgerCheckpointsEvents.LedgerCheckpointRecorded;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/** Publishes the money ledger's daily checkpoints on {@code funding.ledger.v1}, exactly as signed. */
@Component
@ProcessingGroup("kafka-publisher")
@DisallowReplay
public class LedgerCheckpointPublisher {

    private final IntegrationEventPublisher publisher;

    public LedgerCheckpointPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(LedgerCheckpointRecorded e, EventMessage<?> message) {
        publisher.publish(new LedgerCheckpointed(e.ledgerId(), e.businessDate(), e.sequence(), e.entryHash(),
                e.rootHash(), e.at(), e.algorithm(), e.keyId(), e.publicKey(), e.signature()), message);
    }
}
