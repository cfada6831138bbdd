package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.registry.command.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/** Maps the registry's domain events to the published language on {@code registry.platform.v1}. */
@Component
@ProcessingGroup("kafka-publisher")
@DisallowReplay
public class PlatformEventPublisher {

    private final IntegrationEventPublisher publisher;

    public PlatformEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(PlatformRegistered event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered(
                event.platformId(), event.creditCode(), event.name(), event.district().name(),
                event.industry().name(), event.legalForm().name(), event.leadModel().name(),
                event.registeredOn()), message);
    }
}
