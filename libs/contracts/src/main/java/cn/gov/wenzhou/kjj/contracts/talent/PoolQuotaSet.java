package cn.gov.wenzhou.kjj.contracts.talent;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/**
 * The number of posts (专项事业编制) the staffing pool holds for a year was set; a later event for the same year
 * replaces it. A count, nothing about any person. The decision's free-text reason is not published.
 */
@PublishedAs(topic = Topics.TALENT_POOL_V1, name = "PoolQuotaSet")
public record PoolQuotaSet(
        String poolId,
        int year,
        int posts,
        LocalDate decidedOn) implements IntegrationEvent {
}
