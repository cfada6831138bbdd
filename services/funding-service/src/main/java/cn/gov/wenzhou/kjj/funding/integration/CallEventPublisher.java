package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.funding.command.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/** Maps challenge-call domain events to the published language on {@code funding.call.v1}. */
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
}
