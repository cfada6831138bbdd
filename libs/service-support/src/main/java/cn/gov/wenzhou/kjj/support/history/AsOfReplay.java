package cn.gov.wenzhou.kjj.support.history;

import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * An aggregate's record as of a past instant, replayed from the event store itself (never from a projection): its
 * events recorded up to that instant, handed in order to the caller's fold. One mechanism for every "as of" of the
 * services — a platform, a funded project, an enrollment — so each service writes only its fold.
 */
public final class AsOfReplay {

    private AsOfReplay() {
    }

    /**
     * @param eventsApplied how many of the aggregate's events were recorded up to {@code at}
     * @param lastEventAt   when the last of them was recorded
     */
    public record Replayed(Instant at, int eventsApplied, Instant lastEventAt) {
    }

    /**
     * The instant an as-of request asks for: {@code at} (an instant, UTC), or the end of the business day
     * {@code date} (Asia/Shanghai); {@code 400} naming {@code at} unless exactly one is given, {@code date} within the
     * bounds of a business date.
     */
    public static Instant instant(Instant at, LocalDate date) {
        if ((at == null) == (date == null)) {
            throw new InvalidInputException("at", "give either 'at' or 'date'");
        }
        if (date != null) {
            Bounds.year(date.getYear(), "date");
            return BusinessCalendar.endOfDay(date);
        }
        return at;
    }

    /**
     * Replays the aggregate's events recorded up to {@code at} into {@code fold}, in order.
     *
     * @param firstEvent the event that starts such an aggregate: a stream that starts otherwise is not one
     * @param what       what the aggregate is, for the 404's message ("platform", "enrollment")
     * @throws NotFoundException for an unknown aggregate, or one whose first event was recorded after {@code at}
     */
    public static Replayed replay(EventStore eventStore, String aggregateId, Class<?> firstEvent, String what,
                                  Instant at, Consumer<Object> fold) {
        return replay(eventStore.readEvents(aggregateId), aggregateId, firstEvent, what, at, fold);
    }

    /**
     * The same over a record read otherwise than as one aggregate's stream: a record kept in several streams, read
     * in the order its events were recorded.
     */
    public static Replayed replay(DomainEventStream events, String aggregateId, Class<?> firstEvent, String what,
                                  Instant at, Consumer<Object> fold) {
        int applied = 0;
        boolean known = false;
        Instant last = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (applied == 0 && !firstEvent.isInstance(event.getPayload())) {
                break;
            }
            known = true;
            if (event.getTimestamp().isAfter(at)) {
                break;
            }
            fold.accept(event.getPayload());
            applied++;
            last = event.getTimestamp();
        }
        if (!known) {
            throw new NotFoundException(what, aggregateId);
        }
        if (applied == 0) {
            throw new NotFoundException(what + " as of " + at + " (recorded later):", aggregateId);
        }
        return new Replayed(at, applied, last);
    }
}
