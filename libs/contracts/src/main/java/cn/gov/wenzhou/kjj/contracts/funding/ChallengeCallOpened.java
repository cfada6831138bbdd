package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** The bureau opened its yearly open-competition call (揭榜挂帅) and starts collecting technology demands. */
@PublishedAs(topic = Topics.FUNDING_CALL_V1, name = "ChallengeCallOpened")
public record ChallengeCallOpened(
        String callId,
        int year,
        String title,
        LocalDate openedOn) implements IntegrationEvent {
}
