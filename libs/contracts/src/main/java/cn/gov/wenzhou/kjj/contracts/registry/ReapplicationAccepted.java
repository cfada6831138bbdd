package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** A revoked platform re-applied after its two-year bar; it awaits recognition again (status REAPPLIED). */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "ReapplicationAccepted")
public record ReapplicationAccepted(
        String platformId,
        String creditCode,
        LocalDate appliedOn) implements IntegrationEvent {
}
