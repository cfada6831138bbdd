package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** The project was accepted (验收) or terminated and closed; its balance settled. */
@PublishedAs(topic = Topics.FUNDING_PROJECT_V1, name = "ProjectClosed")
public record ProjectClosed(
        String projectId,
        String outcome,
        String recipientCreditCode,
        String platformId,
        long balanceFen,
        String balanceDisposition,
        LocalDate closedOn) implements IntegrationEvent {
}
