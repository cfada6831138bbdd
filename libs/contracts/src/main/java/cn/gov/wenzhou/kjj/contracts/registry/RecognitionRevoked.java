package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** Municipal recognition was revoked (取消市级认定资格); re-application is barred for two years. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "RecognitionRevoked")
public record RecognitionRevoked(
        String platformId,
        String creditCode,
        String reason,
        LocalDate revokedOn,
        LocalDate reapplicationOpensOn) implements IntegrationEvent {
}
