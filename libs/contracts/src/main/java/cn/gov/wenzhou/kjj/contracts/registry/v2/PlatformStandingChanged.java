package cn.gov.wenzhou.kjj.contracts.registry.v2;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * A platform's whole standing after a change, as the registry decided it: published with every registry event that
 * changes status, level or open rectifications, for the whole history (a replay from offset zero gives the standing
 * after every change ever made). A subscriber keeps the latest per {@code platformId} and derives nothing: in
 * particular {@code UNDER_RECTIFICATION} (整改中) is the registry's word, not a subscriber's reading of
 * RectificationIssued/RectificationConfirmed on v1. Its {@code ce_id} is its own (not the v1 event's).
 *
 * @param status             REGISTERED, RECOGNIZED, UNDER_RECTIFICATION, REVOKED or REAPPLIED
 * @param level              MUNICIPAL, PROVINCIAL or NATIONAL while recognized (also under rectification), else null
 * @param openRectifications evaluation years whose rectification notice is not yet confirmed, ascending
 * @param changedOn          business date of the change
 * @param changedBy          the registry event that made the change, by its name on {@code registry.platform.v1}
 */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V2, name = "PlatformStandingChanged")
public record PlatformStandingChanged(
        String platformId,
        String creditCode,
        String name,
        String status,
        String level,
        List<Integer> openRectifications,
        LocalDate changedOn,
        String changedBy) implements IntegrationEvent {
}
