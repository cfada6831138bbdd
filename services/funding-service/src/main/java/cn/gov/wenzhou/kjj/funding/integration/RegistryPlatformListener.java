package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.funding.command.RecordPlatformStanding;
import cn.gov.wenzhou.kjj.funding.command.Standing;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes note of the registry's platform events, exactly once each, as funding-service's own platform standing. */
@Component
public class RegistryPlatformListener {

    static final String CONSUMER = "funding.platform-standing";

    private final InboundIntegrationEvents inbound;
    private final CommandGateway commands;

    public RegistryPlatformListener(InboundIntegrationEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.REGISTRY_PLATFORM_V1)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, CONSUMER, this::apply);
    }

    private void apply(ReceivedEvent received) {
        if (received.event() instanceof PlatformRegistered registered) {
            commands.sendAndWait(new RecordPlatformStanding(registered.platformId(), registered.creditCode(),
                    registered.name(), Standing.REGISTERED, null, received.id(), received.time()));
        }
    }
}
