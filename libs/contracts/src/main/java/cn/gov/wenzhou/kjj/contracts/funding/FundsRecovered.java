package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** Disbursed funds were recovered (追回) after termination. */
@PublishedAs(topic = Topics.FUNDING_PROJECT_V1, name = "FundsRecovered")
public record FundsRecovered(
        String projectId,
        long amountFen,
        String recipientCreditCode,
        String platformId,
        LocalDate recoveredOn) implements IntegrationEvent {
}
