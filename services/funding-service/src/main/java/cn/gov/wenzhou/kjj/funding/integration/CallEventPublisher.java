package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished.ListedDemand;
import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.DemandSubmitted;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ListPublished;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps funding domain events to the published language on {@code funding.call.v1} and {@code funding.project.v1}.
 * Awards, tranches, recoveries and closures carry the recipient's credit code and platform id (when the recipient is
 * a registered platform), so the registry can count projects won and funds obtained. The published list (榜单) carries
 * its listed demands; demands not listed, curators' notes, bids, scores and experts never leave. Nothing personal is
 * published.
 */
@Component
@ProcessingGroup("kafka-publisher")
@DisallowReplay
public class CallEventPublisher {

    private final IntegrationEventPublisher publisher;
    private final EventStore eventStore;

    public CallEventPublisher(IntegrationEventPublisher publisher, EventStore eventStore) {
        this.publisher = publisher;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(ChallengeCallOpened event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened(
                event.callId(), event.year(), event.title(), event.openedOn()), message);
    }

    /**
     * The domain event names the listed demands by id; their text is in the call's own earlier events. Those are read
     * from the event store (from the first event: a snapshot would hide them), up to this event, so the list is
     * exactly what was listed when it was published, however far behind this processor runs.
     */
    @EventHandler
    void on(ListPublished event, DomainEventMessage<?> message) {
        Map<String, DemandSubmitted> submitted = new HashMap<>();
        eventStore.readEvents(event.callId(), 0).asStream()
                .takeWhile(earlier -> earlier.getSequenceNumber() < message.getSequenceNumber())
                .filter(earlier -> earlier.getPayload() instanceof DemandSubmitted)
                .forEach(earlier -> {
                    DemandSubmitted demand = (DemandSubmitted) earlier.getPayload();
                    submitted.put(demand.demandId(), demand);
                });
        List<ListedDemand> demands = event.listedDemandIds().stream().map(id -> {
            DemandSubmitted d = submitted.get(id);
            if (d == null) {
                throw new IllegalStateException("listed demand " + id + " of call " + event.callId() + " not found");
            }
            return new ListedDemand(d.demandId(), d.title(), d.industry(), d.description(), d.enterpriseCreditCode(),
                    d.enterpriseTier().name(), d.budgetCeilingFen());
        }).toList();
        publisher.publish(new ChallengeListPublished(event.callId(), demands, event.publishedOn()), message);
    }

    @EventHandler
    void on(ProjectEvents.ProjectAwarded e, EventMessage<?> message) {
        publisher.publish(new ProjectAwarded(e.projectId(), e.decision().callId(), e.title(),
                e.recipient().creditCode(), e.recipient().platformId(), e.recipient().partnerPlatformIds(),
                e.money().awardFen(), e.money().coFundingFen(), e.decision().parameterVersion(),
                e.decision().awardedOn()), message);
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
