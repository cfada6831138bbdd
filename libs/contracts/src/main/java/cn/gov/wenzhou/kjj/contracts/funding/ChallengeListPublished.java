package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * The call's curated list (榜单) was published: the technology demands applicants may now take on, in list order.
 * Only listed demands: a demand the bureau did not list, and the curators' notes, stay inside funding-service.
 */
@PublishedAs(topic = Topics.FUNDING_CALL_V1, name = "ChallengeListPublished")
public record ChallengeListPublished(
        String callId,
        List<ListedDemand> demands,
        LocalDate publishedOn) implements IntegrationEvent {

    /**
     * A demand on the list, as the bureau publishes it.
     *
     * @param enterpriseCreditCode the leading or chain-leader enterprise that posted the demand (发榜企业), an organisation
     * @param enterpriseTier       LEADING (龙头骨干) or CHAIN_LEADER (链主)
     * @param industry             the industry chain as the enterprise named it (e.g. 泵阀), or null
     * @param description          the demand's text as listed, or null
     * @param budgetCeilingFen     the most the special fund may contribute, in fen
     */
    public record ListedDemand(
            String demandId,
            String title,
            String industry,
            String description,
            String enterpriseCreditCode,
            String enterpriseTier,
            long budgetCeilingFen) {
    }
}
