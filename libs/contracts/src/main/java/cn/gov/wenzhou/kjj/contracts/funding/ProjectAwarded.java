package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/** A challenge-call bid was awarded: a funded project exists. */
@PublishedAs(topic = Topics.FUNDING_PROJECT_V1, name = "ProjectAwarded")
public record ProjectAwarded(
        String projectId,
        String callId,
        String title,
        String recipientCreditCode,
        String platformId,
        List<String> partnerPlatformIds,
        long awardFen,
        long coFundingFen,
        String parameterVersion,
        LocalDate awardedOn) implements IntegrationEvent {
}
