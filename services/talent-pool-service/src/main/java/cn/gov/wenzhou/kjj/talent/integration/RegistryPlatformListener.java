package cn.gov.wenzhou.kjj.talent.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformReRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformUpgraded;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatform.NotePlatformStatus;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatform.Status;
import cn.gov.wenzhou.kjj.talent.command.RetryingCommands;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes note of the registry's platform events, exactly once each, as the talent service's own record of which
 * employers are registered platforms. Other registry events (reports, evaluations) are acknowledged and ignored.
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

    @KafkaListener(topics = Topics.REGISTRY_PLATFORM_V1)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, CONSUMER, this::apply);
    }

    private void apply(ReceivedEvent received) {
        Object event = received.event();
        NotePlatformStatus command = null;
        if (event instanceof PlatformRegistered e) {
            command = note(e.platformId(), e.creditCode(), e.name(), Status.REGISTERED, null, e.registeredOn(),
                    received);
        } else if (event instanceof PlatformRecognized e) {
            command = note(e.platformId(), e.creditCode(), null, Status.RECOGNIZED, e.level(), e.recognizedOn(),
                    received);
        } else if (event instanceof PlatformUpgraded e) {
            command = note(e.platformId(), e.creditCode(), null, Status.RECOGNIZED, e.toLevel(), e.upgradedOn(),
                    received);
        } else if (event instanceof PlatformReRecognized e) {
            command = note(e.platformId(), e.creditCode(), null, Status.RECOGNIZED, e.level(), e.recognizedOn(),
                    received);
        } else if (event instanceof RecognitionRevoked e) {
            command = note(e.platformId(), e.creditCode(), null, Status.REVOKED, null, e.revokedOn(), received);
        }
        if (command != null) {
            commands.send(command);
        }
    }

    private static NotePlatformStatus note(String platformId, String creditCode, String name, Status status,
                                           String level, java.time.LocalDate effectiveOn, ReceivedEvent received) {
        return new NotePlatformStatus(platformId, creditCode, name, status, level, effectiveOn, received.id(),
                received.time());
    }
}
