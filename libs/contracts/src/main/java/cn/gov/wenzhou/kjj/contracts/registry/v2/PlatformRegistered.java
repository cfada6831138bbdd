package cn.gov.wenzhou.kjj.contracts.registry.v2;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * A platform entered the registry, version 2. What broke against v1: {@code district} and {@code industry} are objects
 * instead of bare codes, so a reader gets the district's name and the code table the industry was resolved against
 * (table versions may rename chains); {@code hosts} is new. Published with the same {@code ce_id} as its v1 twin:
 * they are one fact in two shapes.
 */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V2, name = "PlatformRegistered")
public record PlatformRegistered(
        String platformId,
        String creditCode,
        String name,
        District district,
        Industry industry,
        String legalForm,
        String leadModel,
        List<String> hosts,
        LocalDate registeredOn) implements IntegrationEvent {

    /** A district of Wenzhou: its code and its official name (label), e.g. 鹿城区. */
    public record District(String code, String label) {
    }

    /** A 5+5 industry chain: its code in the code table version it was resolved against. */
    public record Industry(String code, String tableVersion) {
    }
}
