package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.ProjectBook;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.support.history.AsOfReplay;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The state of a project as of a past instant, replayed from the event store itself (never from a projection,
 * {@link AsOfReplay}): the project's events recorded up to that instant, folded by the same {@link ProjectBook} the
 * aggregate decides on.
 */
@Component
public class ProjectHistory {

    private final EventStore eventStore;

    public ProjectHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AsOf asOf(String projectId, Instant at) {
        ProjectBook book = new ProjectBook();
        AsOfReplay.Replayed replayed = AsOfReplay.replay(eventStore, projectId, ProjectAwarded.class, "project", at,
                book::apply);
        return new AsOf(at, replayed.eventsApplied(), replayed.lastEventAt(), book.snapshot());
    }

    /**
     * @param eventsApplied how many of the project's events were recorded up to {@code at}
     * @param lastEventAt   when the last of them was recorded
     */
    public record AsOf(Instant at, int eventsApplied, Instant lastEventAt, ProjectBook.Snapshot state) {
    }
}
