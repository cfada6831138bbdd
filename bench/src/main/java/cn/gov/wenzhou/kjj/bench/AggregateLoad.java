package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.funding.command.FundedProject;
import cn.gov.wenzhou.kjj.funding.command.FundingCommandConfiguration;
import cn.gov.wenzhou.kjj.support.axon.SnapshotExecutor;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Figure 7: how long the repository takes to load a funded project with 10,000 events, first from its whole history,
 * then from a snapshot. FundedProject ships with a snapshot trigger (every 100 events) and an aggregate cache, so
 * "without" deletes the project's snapshots first, every load and command here starts with the cache emptied (a cold
 * project), and the snapshot for "with" is taken by the service's own {@link Snapshotter}; the load after it is
 * proved to start from that snapshot.
 */
final class AggregateLoad {

    record Result(Figure withoutSnapshot, Figure withSnapshot, Figure commandWithoutSnapshot,
                  Figure commandWithSnapshot) {
    }

    private AggregateLoad() {
    }

    @SuppressWarnings("unchecked")
    static Result measure(ConfigurableApplicationContext funding, Projects projects, Settings settings) {
        int events = settings.aggregateEvents();
        String projectId = projects.open(99_999);
        long started = System.nanoTime();
        projects.spendInBatches(projectId, events - 3, 250);
        System.out.printf("  built a project with %d events in %.1f s%n", events,
                (System.nanoTime() - started) / 1e9);

        Repository<FundedProject> repository = repository(funding);
        EventStore eventStore = funding.getBean(EventStore.class);
        JdbcTemplate jdbc = new JdbcTemplate(funding.getBean(DataSource.class));
        Integer stored = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, projectId);
        if (stored == null || stored != events) {
            throw new IllegalStateException("expected " + events + " events, found " + stored);
        }
        Integer snapshots = jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Integer.class, projectId);
        Cache cache = funding.getBean(FundingCommandConfiguration.PROJECT_CACHE, Cache.class);
        SnapshotExecutor snapshotter = funding.getBean(SnapshotExecutor.class);
        Runnable noSnapshot = () -> {
            drain(snapshotter);
            cache.removeAll();
            jdbc.update("delete from snapshot_event_entry where aggregate_identifier = ?", projectId);
        };

        double[] without = time(repository, projectId, settings.loadWarmUp(), settings.loadRepeats(), noSnapshot);
        // the command's load finds no snapshot, and the trigger then takes one on its own thread: deleted each time
        double[] commandWithout = timeCommands(projects, projectId, 2, settings.loadRepeats(), noSnapshot);
        noSnapshot.run();

        funding.getBean(Snapshotter.class).scheduleSnapshot(FundedProject.class, projectId);
        awaitSnapshot(jdbc, projectId);
        StreamShape shape = shape(eventStore, projectId);
        if (!shape.startsWithSnapshot()) {
            throw new IllegalStateException("the load after the snapshot did not start from it: " + shape);
        }
        double[] with = time(repository, projectId, 20, settings.snapshotLoadRepeats(), cache::removeAll);
        // each command appends one event after the snapshot: the load reads the snapshot and those few events
        double[] commandWith = timeCommands(projects, projectId, 10, settings.snapshotLoadRepeats(), cache::removeAll);

        Figure withoutFigure = Figure.of("7a", "aggregateLoadWithoutSnapshot",
                        "load of a funded project with " + events + " events, no snapshot (repository.load)", "ms",
                        without)
                .with("events", events)
                .with("snapshotsTakenByTheTriggerWhileBuilding", snapshots)
                .with("cache", "emptied before each load")
                .with("storageEngineFetchBatch", "Axon default (100 events per query)");
        Figure withFigure = Figure.of("7b", "aggregateLoadWithSnapshot",
                        "the same load from a snapshot of its latest state", "ms", with)
                .with("eventsAfterSnapshotAtProof", shape.eventsAfterSnapshot())
                .with("snapshotTakenBy", "the bench (Snapshotter.scheduleSnapshot), after deleting the trigger's");
        Figure commandWithoutFigure = Figure.of("7c", "commandOnLongAggregateWithoutSnapshot",
                "one RecordExpenditure on that project, cold, no snapshot", "ms",
                commandWithout);
        Figure commandWithFigure = Figure.of("7d", "commandOnLongAggregateWithSnapshot",
                "one RecordExpenditure on that project, cold, with the snapshot", "ms", commandWith);
        return new Result(withoutFigure, withFigure, commandWithoutFigure, commandWithFigure);
    }

    @SuppressWarnings("unchecked")
    private static Repository<FundedProject> repository(ConfigurableApplicationContext funding) {
        if (funding.containsBean("fundedProjectRepository")) {
            return (Repository<FundedProject>) funding.getBean("fundedProjectRepository");
        }
        Map<String, Repository> repositories = funding.getBeansOfType(Repository.class);
        throw new IllegalStateException("no fundedProjectRepository; repositories: " + repositories.keySet());
    }

    private static double[] time(Repository<FundedProject> repository, String projectId, int warmUp, int repeats,
                                 Runnable before) {
        for (int i = 0; i < warmUp; i++) {
            before.run();
            load(repository, projectId);
        }
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            before.run();
            millis[i] = load(repository, projectId);
        }
        return millis;
    }

    /** The time of the load alone: the rollback after it may hand a snapshot to the trigger's thread. */
    private static double load(Repository<FundedProject> repository, String projectId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            long started = System.nanoTime();
            repository.load(projectId).version();
            return (System.nanoTime() - started) / 1e6;
        } finally {
            unitOfWork.rollback();
        }
    }

    /** Waits until the snapshots already handed to the service's snapshot thread are written. */
    private static void drain(SnapshotExecutor snapshotter) {
        CountDownLatch done = new CountDownLatch(1);
        snapshotter.execute(done::countDown);
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the snapshot thread is still busy after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double[] timeCommands(Projects projects, String projectId, int warmUp, int repeats,
                                         Runnable before) {
        for (int i = 0; i < warmUp; i++) {
            before.run();
            projects.spend(projectId);
        }
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            before.run();
            long started = System.nanoTime();
            projects.spend(projectId);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static void awaitSnapshot(JdbcTemplate jdbc, String projectId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Integer count = jdbc.queryForObject(
                    "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Integer.class,
                    projectId);
            if (count != null && count > 0) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("no snapshot of " + projectId + " after 60 s");
    }

    record StreamShape(boolean startsWithSnapshot, long eventsAfterSnapshot) {
    }

    /** Reads the stream the repository reads: a snapshot first (its payload is the aggregate), then the rest. */
    private static StreamShape shape(EventStore eventStore, String projectId) {
        DomainEventStream stream = eventStore.readEvents(projectId);
        if (!stream.hasNext()) {
            return new StreamShape(false, 0);
        }
        boolean snapshot = FundedProject.class.isAssignableFrom(stream.next().getPayloadType());
        long rest = 0;
        while (stream.hasNext()) {
            stream.next();
            rest++;
        }
        return new StreamShape(snapshot, rest);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
