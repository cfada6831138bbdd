package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;
import cn.gov.wenzhou.kjj.funding.command.PlatformStandingCommands.RecordPlatformStanding;
import cn.gov.wenzhou.kjj.funding.command.Standing;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes note of each platform standing the registry publishes ({@code registry.platform.v2}), exactly once each, as
 * funding-service's own replica: the standing as the registry decided it (UNDER_RECTIFICATION included), nothing
 * worked out here. The topic's other events (the v2 registration) carry nothing the replica keeps and are
 * acknowledged. Replayed from the beginning, the topic rebuilds the replica change by change.
 */
@Component
public class RegistryPlatformListener {

    static final String CONSUMER = "funding.platform-standing";

    private final InboundIntegrationEvents inbound;
    private final CommandGateway commands;

    public RegistryPlatformListener(InboundIntegrationEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.REGISTRY_PLATFORM_V2)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, CONSUMER, this::apply);
    }

    private void apply(ReceivedEvent received) {
        if (received.event() instanceof PlatformStandingChanged standing) {
            commands.sendAndWait(new RecordPlatformStanding(standing.platformId(), standing.creditCode(),
                    standing.name(), Standing.valueOf(standing.status()), standing.level(), received.id(),
                    received.time()));
        }
    }
}
