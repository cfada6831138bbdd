package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** A rectification notice (整改通知) was issued after a FAIL. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "RectificationIssued")
public record RectificationIssued(
        String platformId,
        String creditCode,
        int year,
        String supervisingAuthority,
        LocalDate issuedOn) implements IntegrationEvent {
}
