package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** The rectification was confirmed as done. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "RectificationConfirmed")
public record RectificationConfirmed(
        String platformId,
        String creditCode,
        int year,
        LocalDate confirmedOn) implements IntegrationEvent {
}
