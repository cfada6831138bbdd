package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** A tranche was paid to the project after its milestone was accepted. */
@PublishedAs(topic = Topics.FUNDING_PROJECT_V1, name = "TrancheDisbursed")
public record TrancheDisbursed(
        String projectId,
        int trancheNumber,
        long amountFen,
        String recipientCreditCode,
        String platformId,
        LocalDate disbursedOn) implements IntegrationEvent {
}
