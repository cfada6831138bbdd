package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** The platform was upgraded to a higher level. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "PlatformUpgraded")
public record PlatformUpgraded(
        String platformId,
        String creditCode,
        String fromLevel,
        String toLevel,
        String documentNumber,
        LocalDate upgradedOn) implements IntegrationEvent {
}
