package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.registry.command.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** Mappings of the publisher not exercised by the API tests (which cannot wait out a two-year bar). */
class PlatformEventPublisherTest {

    @Test
    void anAcceptedReapplicationIsPublishedWithItsDate() {
        IntegrationEventPublisher kafka = mock(IntegrationEventPublisher.class);
        ReapplicationAccepted accepted = new ReapplicationAccepted("p-1", "91330300MA2H7K8L0G",
                LocalDate.of(2027, 7, 1));
        EventMessage<ReapplicationAccepted> message = GenericEventMessage.asEventMessage(accepted);

        new PlatformEventPublisher(kafka).on(accepted, message);

        ArgumentCaptor<IntegrationEvent> published = ArgumentCaptor.forClass(IntegrationEvent.class);
        verify(kafka).publish(published.capture(), same(message));
        assertThat(published.getValue()).isEqualTo(new cn.gov.wenzhou.kjj.contracts.registry.ReapplicationAccepted(
                "p-1", "91330300MA2H7K8L0G", LocalDate.of(2027, 7, 1)));
    }
}
