package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;
import cn.gov.wenzhou.kjj.registry.command.PlatformRegisteredUpcaster;
import cn.gov.wenzhou.kjj.registry.command.RegistryEventRenames;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.registry.command.RecordedPlatformStandings;
import cn.gov.wenzhou.kjj.support.axon.StoredEventSamples;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** Mappings of the publisher not exercised by the API tests (which cannot wait out a two-year bar). */
class PlatformEventPublisherTest {

    private static final String PLATFORM = "p-1";
    private static final String CODE = "91330300MA2H7K8L0G";
    private static final String NAME = "温州智能装备研究院";

    private final IntegrationEventPublisher kafka = mock(IntegrationEventPublisher.class);
    private final EventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final PlatformEventPublisher publisher =
            new PlatformEventPublisher(kafka, new RecordedPlatformStandings(store));

    @Test
    void anAcceptedReapplicationIsPublishedWithItsDate() {
        ReapplicationAccepted accepted = new ReapplicationAccepted("p-1", "91330300MA2H7K8L0G",
                LocalDate.of(2027, 7, 1));
        List<DomainEventMessage<?>> stored = store(List.of(
                new cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered(PLATFORM, CODE, NAME,
                        cn.gov.wenzhou.kjj.registry.command.District.LUCHENG, "INTELLIGENT_EQUIPMENT", "2023.1",
                        cn.gov.wenzhou.kjj.registry.command.LegalForm.PRIVATE_NON_ENTERPRISE,
                        cn.gov.wenzhou.kjj.registry.command.LeadModel.LEADING_ENTERPRISE, List.of(),
                        LocalDate.of(2022, 1, 10)),
                accepted));
        EventMessage<?> message = stored.get(1);

        publisher.on(accepted, message);

        ArgumentCaptor<IntegrationEvent> published = ArgumentCaptor.forClass(IntegrationEvent.class);
        verify(kafka).publish(published.capture(), same(message));
        assertThat(published.getValue()).isEqualTo(new cn.gov.wenzhou.kjj.contracts.registry.ReapplicationAccepted(
                "p-1", "91330300MA2H7K8L0G", LocalDate.of(2027, 7, 1)));
    }

    /**
     * A history as the release before the standing existed stored it (no event of it names a standing): a publisher
     * replaying it from the start publishes, after each change, the standing the registry decided, the rectification
     * years included; reports, evaluations, refused re-applications and recorded facts publish none.
     */
    @Test
    void aReplayOfAHistoryWrittenBeforeTheStandingExistedPublishesTheStandingAfterEveryChange() {
        List<Object> history = StoredEventSamples.readAsCurrent(
                "stored-events/platform-life-release-2026-12-03.jsonl",
                List.of(new RegistryEventRenames(), new PlatformRegisteredUpcaster()));
        List<DomainEventMessage<?>> stored = store(history);

        AnnotationEventHandlerAdapter replaying = new AnnotationEventHandlerAdapter(publisher);
        for (DomainEventMessage<?> event : stored) {
            try {
                replaying.handle(event);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        assertThat(standingsPublished()).containsExactly(
                standing("REGISTERED", null, List.of(), "2022-01-10", "PlatformRegistered"),
                standing("RECOGNIZED", "MUNICIPAL", List.of(), "2022-03-15", "PlatformRecognized"),
                standing("UNDER_RECTIFICATION", "MUNICIPAL", List.of(2023), "2024-05-20", "RectificationIssued"),
                standing("RECOGNIZED", "MUNICIPAL", List.of(), "2024-09-30", "RectificationConfirmed"),
                standing("RECOGNIZED", "PROVINCIAL", List.of(), "2024-11-01", "PlatformUpgraded"),
                standing("UNDER_RECTIFICATION", "PROVINCIAL", List.of(2024), "2025-05-20", "RectificationIssued"),
                standing("REVOKED", null, List.of(), "2026-05-20", "RecognitionRevoked"),
                standing("REAPPLIED", null, List.of(), "2028-06-01", "ReapplicationAccepted"),
                standing("RECOGNIZED", "MUNICIPAL", List.of(), "2028-09-01", "PlatformReRecognized"));
    }

    /** Each standing has an id of its own, the same on every replay, keyed by the platform. */
    @Test
    void aStandingsIdIsItsOwnAndStableAcrossReplays() {
        List<DomainEventMessage<?>> stored = store(StoredEventSamples.readAsCurrent(
                "stored-events/platform-life-release-2026-12-03.jsonl",
                List.of(new RegistryEventRenames(), new PlatformRegisteredUpcaster())));
        DomainEventMessage<?> registration = stored.get(0);

        publisher.on((cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered) registration.getPayload(),
                registration);
        publisher.on((cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered) registration.getPayload(),
                registration);

        ArgumentCaptor<String> ids = ArgumentCaptor.forClass(String.class);
        verify(kafka, org.mockito.Mockito.times(2)).publish(any(PlatformStandingChanged.class), eq(PLATFORM),
                ids.capture(), eq(registration.getTimestamp()));
        assertThat(ids.getAllValues()).containsOnly(PlatformEventPublisher.standingIdOf(registration))
                .doesNotContain(registration.getIdentifier());
    }

    private List<PlatformStandingChanged> standingsPublished() {
        ArgumentCaptor<IntegrationEvent> published = ArgumentCaptor.forClass(IntegrationEvent.class);
        verify(kafka, org.mockito.Mockito.atLeastOnce()).publish(published.capture(), eq(PLATFORM), anyString(),
                any());
        return published.getAllValues().stream().filter(PlatformStandingChanged.class::isInstance)
                .map(PlatformStandingChanged.class::cast).toList();
    }

    private static PlatformStandingChanged standing(String status, String level, List<Integer> open, String on,
                                                    String by) {
        return new PlatformStandingChanged(PLATFORM, CODE, NAME, status, level, open, LocalDate.parse(on), by);
    }

    /** The events as the platform's stream in the store, read back as a tracking processor hands them over. */
    private List<DomainEventMessage<?>> store(List<?> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Platform", PLATFORM, i, events.get(i)));
        }
        store.publish(messages);
        List<DomainEventMessage<?>> read = new ArrayList<>();
        DomainEventStream stream = store.readEvents(PLATFORM, 0);
        stream.forEachRemaining(read::add);
        return read;
    }
}
