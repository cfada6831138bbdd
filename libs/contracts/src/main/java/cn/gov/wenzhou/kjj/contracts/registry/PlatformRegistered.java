package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** A platform entered the registry (applied; not yet recognized). */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "PlatformRegistered")
public record PlatformRegistered(
        String platformId,
        String creditCode,
        String name,
        String district,
        String industry,
        String legalForm,
        String leadModel,
        LocalDate registeredOn) implements IntegrationEvent {
}
