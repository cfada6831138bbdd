package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostFreed;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostTaken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The city's pool in an in-memory event store, beside an enrollment fixture: the pool's part of an admission or an
 * exit is decided by the real {@link StaffingPool} (its own rules: StaffingPoolTest), and what it recorded is read
 * back here. The fixture sees only the enrollment's events.
 */
final class InMemoryPool {

    private final EventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Repository<StaffingPool> repository = EventSourcingRepository.builder(StaffingPool.class)
            .eventStore(store).build();
    private long given;

    Repository<StaffingPool> repository() {
        return repository;
    }

    /** Sets {@code year}'s quota, as the pool had recorded it before the command under test. */
    InMemoryPool quota(int year, int posts) {
        return given(new PoolQuotaSet(StaffingPool.WENZHOU, year, posts, 0, "quota", LocalDate.of(year, 1, 1)));
    }

    /** The enrollment holds a post, taken before the command under test. */
    InMemoryPool holding(String enrollmentId, LocalDate takenOn) {
        return given(new PostTaken(StaffingPool.WENZHOU, enrollmentId, takenOn.getYear(), 1, 1, takenOn));
    }

    /** The enrollments that took a post in the command under test. */
    List<String> taken() {
        return recorded().stream().filter(PostTaken.class::isInstance).map(PostTaken.class::cast)
                .map(PostTaken::enrollmentId).toList();
    }

    /** The enrollments whose post the command under test freed. */
    List<String> freed() {
        return recorded().stream().filter(PostFreed.class::isInstance).map(PostFreed.class::cast)
                .map(PostFreed::enrollmentId).toList();
    }

    private InMemoryPool given(Object event) {
        store.publish(new GenericDomainEventMessage<>(StaffingPool.class.getSimpleName(), StaffingPool.WENZHOU,
                given++, event));
        return this;
    }

    private List<Object> recorded() {
        if (given == 0) {
            return List.of();
        }
        return store.readEvents(StaffingPool.WENZHOU).asStream().skip(given)
                .map(message -> (Object) message.getPayload()).toList();
    }
}
