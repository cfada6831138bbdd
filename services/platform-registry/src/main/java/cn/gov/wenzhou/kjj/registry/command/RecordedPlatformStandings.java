package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A platform's {@link PlatformStanding} right after one of its events, folded from the platform's own events in the
 * store up to that one: what the aggregate had decided at that point. For the readers of the event stream (the v2
 * publisher, the summary projection), which see one event at a time, in histories written before the standing was
 * published as well as after, on a first run as on a replay.
 */
@Component
public class RecordedPlatformStandings {

    private final EventStore events;

    public RecordedPlatformStandings(@Lazy EventStore events) {
        this.events = events;
    }

    public PlatformStanding after(DomainEventMessage<?> event) {
        return after(event.getAggregateIdentifier(), event.getSequenceNumber());
    }

    /** The standing right after the platform's event number {@code sequenceNumber}. */
    public PlatformStanding after(String platformId, long sequenceNumber) {
        // from sequence 0, never from a snapshot: the fold needs the platform's events themselves
        DomainEventStream stream = events.readEvents(platformId, 0);
        PlatformStanding standing = null;
        while (stream.hasNext() && stream.peek().getSequenceNumber() <= sequenceNumber) {
            standing = PlatformStanding.fold(standing, stream.next().getPayload());
        }
        if (standing == null) {
            throw new IllegalStateException("platform " + platformId + " has no registration in the event store up "
                    + "to sequence " + sequenceNumber);
        }
        return standing;
    }
}
