package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A platform's whole history as stored: its own stream and the stream of its {@link PlatformRecord} (what other
 * services reported), merged in the order the events were recorded — of two recorded at the same instant, the
 * platform's own comes first.
 */
final class PlatformStreams {

    private PlatformStreams() {
    }

    static List<DomainEventMessage<?>> historyOf(EventStore eventStore, String platformId) {
        List<DomainEventMessage<?>> merged = new ArrayList<>(eventStore.readEvents(platformId).asStream().toList());
        merged.addAll(eventStore.readEvents(PlatformRecord.idOf(platformId)).asStream().toList());
        // a stable sort: each stream is in order already, and the platform's own events lead on a tie
        merged.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        return merged;
    }

    static DomainEventStream streamOf(EventStore eventStore, String platformId) {
        return DomainEventStream.of(historyOf(eventStore, platformId).stream());
    }
}
