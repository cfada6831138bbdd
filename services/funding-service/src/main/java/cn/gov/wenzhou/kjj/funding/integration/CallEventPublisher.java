package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.funding.command.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps funding domain events to the published language on {@code funding.call.v1} and {@code funding.project.v1}.
 * Awards, tranches, recoveries and closures carry the recipient's credit code and platform id (when the recipient is
 * a registered platform), so the registry can count projects won and funds obtained. Nothing personal is published.
 */
@Component
@ProcessingGroup("kafka-publisher")
@DisallowReplay
public class CallEventPublisher {

    private final IntegrationEventPublisher publisher;

    public CallEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ChallengeCallOpened event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened(
                event.callId(), event.year(), event.title(), event.openedOn()), message);
    }

    @EventHandler
    void on(ProjectEvents.ProjectAwarded e, EventMessage<?> message) {
        publisher.publish(new ProjectAwarded(e.projectId(), e.callId(), e.title(), e.recipientCreditCode(),
                e.recipientPlatformId(), e.partnerPlatformIds(), e.awardFen(), e.coFundingFen(), e.parameterVersion(),
                e.awardedOn()), message);
    }

    @EventHandler
    void on(ProjectEvents.TrancheDisbursed e, EventMessage<?> message) {
        publisher.publish(new TrancheDisbursed(e.projectId(), e.trancheNumber(), e.amountFen(),
                e.recipientCreditCode(), e.platformId(), e.disbursedOn()), message);
    }

    @EventHandler
    void on(ProjectEvents.FundsRecovered e, EventMessage<?> message) {
        publisher.publish(new FundsRecovered(e.projectId(), e.amountFen(), e.recipientCreditCode(), e.platformId(),
                e.recoveredOn()), message);
    }

    @EventHandler
    void on(ProjectEvents.ProjectClosed e, EventMessage<?> message) {
        publisher.publish(new ProjectClosed(e.projectId(), e.outcome(), e.recipientCreditCode(), e.platformId(),
                e.balanceFen(), e.disposition(), e.closedOn()), message);
    }
}
