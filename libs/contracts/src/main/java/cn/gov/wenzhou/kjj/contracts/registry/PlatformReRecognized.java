package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** A platform whose recognition was revoked was recognized again after the bar. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "PlatformReRecognized")
public record PlatformReRecognized(
        String platformId,
        String creditCode,
        String level,
        String documentNumber,
        LocalDate recognizedOn) implements IntegrationEvent {
}
