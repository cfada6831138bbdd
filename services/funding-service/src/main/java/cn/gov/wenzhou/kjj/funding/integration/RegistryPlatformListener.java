package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformReRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformUpgraded;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationConfirmed;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationIssued;
import cn.gov.wenzhou.kjj.funding.command.RecordPlatformStanding;
import cn.gov.wenzhou.kjj.funding.command.Standing;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes note of the registry's platform events, exactly once each, as funding-service's own platform standing:
 * registered; recognized or re-recognized (with level); upgraded (level); under rectification (still recognized);
 * rectification confirmed; revoked. Evaluations and reports change no standing and are ignored here.
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

    @KafkaListener(topics = Topics.REGISTRY_PLATFORM_V1)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, CONSUMER, this::apply);
    }

    private void apply(ReceivedEvent received) {
        Object event = received.event();
        RecordPlatformStanding command = null;
        if (event instanceof PlatformRegistered e) {
            command = record(received, e.platformId(), e.creditCode(), e.name(), Standing.REGISTERED, null);
        } else if (event instanceof PlatformRecognized e) {
            command = record(received, e.platformId(), e.creditCode(), null, Standing.RECOGNIZED, e.level());
        } else if (event instanceof PlatformReRecognized e) {
            command = record(received, e.platformId(), e.creditCode(), null, Standing.RECOGNIZED, e.level());
        } else if (event instanceof PlatformUpgraded e) {
            command = record(received, e.platformId(), e.creditCode(), null, null, e.toLevel());
        } else if (event instanceof RectificationIssued e) {
            command = record(received, e.platformId(), e.creditCode(), null, Standing.UNDER_RECTIFICATION, null);
        } else if (event instanceof RectificationConfirmed e) {
            command = record(received, e.platformId(), e.creditCode(), null, Standing.RECOGNIZED, null);
        } else if (event instanceof RecognitionRevoked e) {
            command = record(received, e.platformId(), e.creditCode(), null, Standing.REVOKED, null);
        }
        if (command != null) {
            commands.sendAndWait(command);
        }
    }

    private static RecordPlatformStanding record(ReceivedEvent received, String platformId, String creditCode,
                                                 String name, Standing standing, String level) {
        return new RecordPlatformStanding(platformId, creditCode, name, standing, level, received.id(),
                received.time());
    }
}
