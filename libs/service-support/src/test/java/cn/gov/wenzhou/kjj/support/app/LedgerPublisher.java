package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Publishes each opened ledger as some integration event (which one does not matter to these tests). */
@Component
@ProcessingGroup("kafka-publisher")
public class LedgerPublisher {

    private final IntegrationEventPublisher publisher;

    public LedgerPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    @DisallowReplay
    void on(Ledger.LedgerOpened event, EventMessage<?> message) {
        publisher.publish(new PlatformRegistered(event.ledgerId(), "91330300MA2H7K8L0G", event.name(), "LUCHENG",
                "DIGITAL_ECONOMY", "ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2024, 1, 2)), message);
    }
}
