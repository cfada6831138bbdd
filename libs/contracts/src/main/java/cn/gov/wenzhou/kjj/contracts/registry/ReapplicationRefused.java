package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** A re-application inside the two-year bar was refused. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "ReapplicationRefused")
public record ReapplicationRefused(
        String platformId,
        String creditCode,
        LocalDate attemptedOn,
        LocalDate reopensOn) implements IntegrationEvent {
}
