package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads them from the platform's own stream in the event store, the only place they are. */
@Component
class EventStoreFactsRecordedBeforeTheMove implements FactsRecordedBeforeTheMove {

    private final EventStore eventStore;

    EventStoreFactsRecordedBeforeTheMove(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Set<String> keysOf(String platformId) {
        return eventStore.readEvents(platformId).asStream()
                .map(event -> PlatformRecord.keyOf(event.getPayload()))
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
