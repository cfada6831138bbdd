package cn.gov.wenzhou.kjj.talent.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatformCommands.NotePlatformStatus;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatform.Status;
import cn.gov.wenzhou.kjj.talent.command.RetryingCommands;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes note of each platform standing the registry publishes ({@code registry.platform.v2}), exactly once each, as
 * the talent service's own record of which employers are registry platforms and where they stand, as the registry
 * decided it. The topic's other events (the v2 registration) are acknowledged and ignored. Replayed from the
 * beginning, the topic rebuilds the record change by change.
 */
@Component
public class RegistryPlatformListener {

    static final String CONSUMER = "talent.employer-platforms";

    private final InboundIntegrationEvents inbound;
    private final RetryingCommands commands;

    public RegistryPlatformListener(InboundIntegrationEvents inbound, RetryingCommands commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.REGISTRY_PLATFORM_V2)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, CONSUMER, this::apply);
    }

    private void apply(ReceivedEvent received) {
        if (received.event() instanceof PlatformStandingChanged standing) {
            commands.send(new NotePlatformStatus(standing.platformId(), standing.creditCode(), standing.name(),
                    Status.valueOf(standing.status()), standing.level(), standing.changedOn(), received.id(),
                    received.time()));
        }
    }
}
