package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** The bureau recognized the platform (认定) at a level. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "PlatformRecognized")
public record PlatformRecognized(
        String platformId,
        String creditCode,
        String level,
        String documentNumber,
        LocalDate recognizedOn) implements IntegrationEvent {
}
