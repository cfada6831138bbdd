package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.ProjectBook;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The state of a project as of a past instant, replayed from the event store itself (never from a projection): the
 * project's events recorded up to that instant, folded by the same {@link ProjectBook} the aggregate decides on.
 */
@Component
public class ProjectHistory {

    private final EventStore eventStore;

    public ProjectHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AsOf asOf(String projectId, Instant at) {
        DomainEventStream events = eventStore.readEvents(projectId);
        ProjectBook book = new ProjectBook();
        int applied = 0;
        boolean isProject = false;
        Instant last = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (applied == 0 && !(event.getPayload() instanceof ProjectAwarded)) {
                break;
            }
            isProject = true;
            if (event.getTimestamp().isAfter(at)) {
                break;
            }
            book.apply(event.getPayload());
            applied++;
            last = event.getTimestamp();
        }
        if (!isProject) {
            throw new NotFoundException("project", projectId);
        }
        if (applied == 0) {
            throw new NotFoundException("project as of " + at + ":", projectId);
        }
        return new AsOf(at, applied, last, book.snapshot());
    }

    /**
     * @param eventsApplied how many of the project's events were recorded up to {@code at}
     * @param lastEventAt   when the last of them was recorded
     */
    public record AsOf(Instant at, int eventsApplied, Instant lastEventAt, ProjectBook.Snapshot state) {
    }
}
