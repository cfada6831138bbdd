package cn.gov.wenzhou.kjj.support.projection;

import cn.gov.wenzhou.kjj.support.axon.TokenClaims;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.projection.ProcessorFailures.FailedEvent;
import cn.gov.wenzhou.kjj.support.projection.ProjectionStatus.Outcome;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists a service's projections with their position and lag, and rebuilds one from the event store.
 *
 * <p>A projection is a streaming processor (Axon's pooled streaming processor, its work split into segments that the
 * service's instances claim through the token store; {@link TokenClaims}) that is not a saga's: a saga's decisions are commands already sent, and
 * Axon refuses to reset its processor, so it is neither listed nor rebuilt here, and only the health shows it
 * ({@link #processors()}). A rebuild resets the processor's tokens (its {@code @ResetHandler}s clear its tables) and
 * replays every event; its end is detected by position — the store's head when the rebuild started — because Axon's
 * replaying flag stays set until a newer event arrives. Its position is the lowest of its segments' — those this
 * instance holds as it processes them, the others as the token store has them. A reset needs every segment: one
 * that another live instance holds refuses the rebuild ({@code projection.claimed-elsewhere}, naming the holders)
 * before anything stops; the processor must be stopped there first (or that instance stopped). A reset that fails
 * (a reset handler that throws, a segment claimed in between) changes nothing: the processor runs on from where it
 * was. The Kafka publisher is never
 * rebuilt: re-publishing history is the subscribers' job to request by reading the topic from the beginning. A
 * rebuild also clears the projection's parked events ({@link ParkedEvents}): the replay applies them again, and parks
 * again those that still fail.
 *
 * <p>A rebuild stuck on one event (a projection that does not park it, or cannot) is {@code FAILED}, naming the event
 * ({@link ProcessorFailures}); it no longer blocks another rebuild, and it can be cancelled. The log says progress
 * only when there was some, and a failure once per event.
 */
public class ProjectionOperations {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);
    private static final Set<String> NEVER_REBUILT = Set.of("kafka-publisher");

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final ParkedEvents parked;
    private final List<ProcessorStall> stalls;
    private final ProcessorFailures failures;
    private final TokenClaims claims;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService progressLog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * With {@code stalls}: what knows a processor is stuck before Axon does (shown as STALLED); {@code failures}:
     * the event each processor stopped on; {@code claims}: the segments in the token store, this instance's and the
     * others'.
     */
    public ProjectionOperations(EventProcessingConfiguration processing, EventStore eventStore, Clock clock,
                                ParkedEvents parked, List<ProcessorStall> stalls, ProcessorFailures failures,
                                TokenClaims claims) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
        this.parked = parked;
        this.stalls = List.copyOf(stalls);
        this.failures = failures;
        this.claims = claims;
    }

    /** The projections: every streaming processor but the sagas' (the publisher too, never rebuilt). */
    public List<ProjectionStatus> list() {
        return streamingProcessors().filter(processor -> !isSaga(processor))
                .map(this::status)
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    /** Every streaming processor, sagas included: what the health watches. */
    public List<ProjectionStatus> processors() {
        return streamingProcessors()
                .map(this::status)
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public ProjectionStatus status(String name) {
        return status(projection(name));
    }

    /**
     * Starts a rebuild and returns at once; follow it with {@link #status(String)}. Refused, with the processor left
     * running as it was, for the publisher, a saga, a projection being rebuilt (not stuck) and a reset that fails.
     */
    public synchronized ProjectionStatus rebuild(String name) {
        if (NEVER_REBUILT.contains(name)) {
            throw new RuleViolationException("projection.not-rebuildable",
                    name + " publishes to Kafka; subscribers replay the topic instead");
        }
        StreamingEventProcessor processor = streaming(name);
        if (isSaga(processor)) {
            throw new RuleViolationException("projection.not-rebuildable", name + " is a saga's processor, not a "
                    + "projection: its decisions were sent as commands and are never replayed");
        }
        if (!processor.supportsReset()) {
            throw new RuleViolationException("projection.not-rebuildable", name + " replays nothing (its handlers "
                    + "disallow replay)");
        }
        Rebuild running = rebuilds.get(name);
        if (running != null && outcome(processor, running, position(processor)) == Outcome.REBUILDING) {
            throw new RuleViolationException("projection.rebuild-in-progress", name + " is already being rebuilt"
                    + " (cancel it first: POST /ops/projections/" + name + "/rebuild/cancel)");
        }
        refuseWhileClaimedElsewhere(name);
        long target = headPosition();
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedMeanwhile) {
            processor.start();
            refuseWhileClaimedElsewhere(name);
            throw claimedElsewhere(name, "another instance");
        } catch (RuntimeException refused) {
            // the reset runs in one transaction: nothing was cleared, the tokens are where they were
            processor.start();
            log.warn("rebuild of projection {} refused: its reset failed ({}); it goes on from where it was", name,
                    refused.getClass().getSimpleName());
            throw new RuleViolationException("projection.reset-refused", name + " could not be reset ("
                    + refused.getClass().getSimpleName() + "); it goes on from where it was");
        }
        failures.clear(name);
        Rebuild rebuild = new Rebuild(clock.instant(), target);
        rebuilds.put(name, rebuild);
        processor.start();
        log.info("rebuild of projection {} started: replaying up to global index {}", name, target);
        rebuild.progressLog = progressLog.scheduleAtFixedRate(() -> logProgress(name, rebuild), 2, 2,
                TimeUnit.SECONDS);
        return status(processor);
    }

    /**
     * A reset rewrites every segment's token, and Axon may only write a token it can claim: a segment another live
     * instance holds refuses it. Said before anything stops, with the holders, instead of a failed reset.
     */
    private void refuseWhileClaimedElsewhere(String name) {
        List<TokenClaims.Claim> elsewhere = claims.heldElsewhere(name);
        if (!elsewhere.isEmpty()) {
            String holders = elsewhere.stream()
                    .map(claim -> "segment " + claim.segment() + " by " + claim.owner())
                    .collect(Collectors.joining(", "));
            log.warn("rebuild of projection {} refused: another instance holds {}", name, holders);
            throw claimedElsewhere(name, holders);
        }
    }

    private static RuleViolationException claimedElsewhere(String name, String holders) {
        return new RuleViolationException("projection.claimed-elsewhere", name + " is also processed by another "
                + "instance of the service (" + holders + "): a rebuild resets every segment, so stop the others "
                + "first (or let their claims expire) and rebuild on one; it goes on from where it was");
    }

    /**
     * Stops following a rebuild that is running or stuck: it no longer holds back another rebuild, the log stops
     * reporting it. The processor is not stopped: it goes on from where it is, as any projection does (its state and
     * {@code failedEvent} say whether it is stuck).
     */
    public synchronized ProjectionStatus cancelRebuild(String name) {
        StreamingEventProcessor processor = projection(name);
        Rebuild rebuild = rebuilds.get(name);
        Outcome outcome = rebuild == null ? null : outcome(processor, rebuild, position(processor));
        if (outcome != Outcome.REBUILDING && outcome != Outcome.FAILED) {
            throw new RuleViolationException("projection.no-rebuild-in-progress", name + " is not being rebuilt");
        }
        rebuild.cancelledAt = clock.instant();
        rebuild.stopLogging();
        log.info("rebuild of projection {} cancelled at global index {} of {}; it goes on from there", name,
                position(processor), rebuild.targetPosition);
        return status(processor);
    }

    /** Names (with percent done) of the projections being rebuilt now; empty when none. */
    public List<String> rebuildsInProgress() {
        return rebuilds.entrySet().stream()
                .filter(entry -> !entry.getValue().ended())
                .map(entry -> status(entry.getKey()))
                .filter(status -> "REBUILDING".equals(status.state()))
                .map(status -> status.name() + " " + status.rebuild().percent() + "%")
                .sorted()
                .toList();
    }

    /** Every 2 s while {@code rebuild} runs: progress when there was some, a failure once per event. */
    private void logProgress(String name, Rebuild rebuild) {
        StreamingEventProcessor processor = streaming(name);
        long position = position(processor);
        Outcome outcome = rebuilds.get(name) != rebuild ? Outcome.CANCELLED : outcome(processor, rebuild, position);
        if (outcome == Outcome.FINISHED || outcome == Outcome.CANCELLED) {
            rebuild.stopLogging();
            return;
        }
        if (outcome == Outcome.FAILED) {
            FailedEvent failed = failedEvent(name, position);
            String where = failed == null ? "the processor stopped" : "event " + failed.describe();
            if (!where.equals(rebuild.reportedFailure)) {
                rebuild.reportedFailure = where;
                log.warn("rebuild of projection {} is stuck at global index {} of {}: {} failed ({}); cancel it "
                                + "(POST /ops/projections/{}/rebuild/cancel) or fix the cause and rebuild", name,
                        position, rebuild.targetPosition, where,
                        failed == null ? "-" : failed.cause().split(":", 2)[0], name);
            }
            return;
        }
        if (position > rebuild.loggedPosition) {
            rebuild.loggedPosition = position;
            ProjectionStatus.RebuildProgress progress = progress(processor, rebuild, position);
            log.info("rebuild of projection {}: {}% ({} of {} events, {} events/s)", name, progress.percent(),
                    Math.max(0, position + 1), rebuild.targetPosition + 1, progress.eventsPerSecond());
        }
    }

    /** Blocks until the processor has processed everything that was in the store when this was called. */
    public void awaitCaughtUp(String name, Duration timeout) {
        long target = headPosition();
        Instant deadline = clock.instant().plus(timeout);
        StreamingEventProcessor processor = streaming(name);
        while (position(processor) < target) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not reach position " + target + " within " + timeout);
            }
            pause();
        }
    }

    private ProjectionStatus status(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        long position = position(processor);
        boolean replaying = statuses.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        String name = processor.getName();
        FailedEvent failed = failedEvent(name, position);
        // a pooled processor drops a failed segment's status when it releases the segment to retry it later: the
        // event it failed on, not yet passed, says it is in error meanwhile
        String error = statuses.values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null ? "error" : s.getError().getClass().getSimpleName() + ": "
                        + s.getError().getMessage())
                .findFirst()
                .or(() -> Optional.ofNullable(failed).filter(f -> processor.isRunning()).map(FailedEvent::cause))
                .orElse(null);
        String stall = error != null ? null : stalls.stream()
                .map(detector -> detector.of(processor.getName()))
                .flatMap(Optional::stream)
                .findFirst().orElse(null);
        long head = headPosition();
        Rebuild rebuild = rebuilds.get(processor.getName());
        ProjectionStatus.RebuildProgress progress = rebuild == null ? null : progress(processor, rebuild, position);
        String state = error != null || processor.isError() ? "ERROR"
                : stall != null ? "STALLED"
                : !processor.isRunning() ? "STOPPED"
                : progress != null && progress.outcome() == Outcome.REBUILDING ? "REBUILDING"
                : "RUNNING";
        return new ProjectionStatus(name, state, position, head, Math.max(0, head - position), replaying, progress,
                error != null ? error : stall, parked.count(name),
                processor.supportsReset() && !NEVER_REBUILT.contains(name), failed);
    }

    private ProjectionStatus.RebuildProgress progress(StreamingEventProcessor processor, Rebuild rebuild,
                                                      long position) {
        Outcome outcome = outcome(processor, rebuild, position);
        Instant end = rebuild.finishedAt != null ? rebuild.finishedAt
                : rebuild.cancelledAt != null ? rebuild.cancelledAt : clock.instant();
        double seconds = Math.max(0.001, Duration.between(rebuild.startedAt, end).toMillis() / 1000.0);
        long done = Math.max(0, Math.min(position, rebuild.targetPosition) + 1);
        double percent = rebuild.targetPosition < 0 ? 100.0 : Math.min(100.0, 100.0 * done / (rebuild.targetPosition + 1));
        return new ProjectionStatus.RebuildProgress(rebuild.startedAt, rebuild.targetPosition,
                Math.round(percent * 10) / 10.0, Math.round(done / seconds), rebuild.finishedAt, outcome,
                outcome == Outcome.FAILED ? failedEvent(processor.getName(), position) : null, rebuild.cancelledAt);
    }

    /** Where {@code rebuild} stands; records (and logs, once) its finish when the position reaches the target. */
    private Outcome outcome(StreamingEventProcessor processor, Rebuild rebuild, long position) {
        if (rebuild.cancelledAt != null) {
            return Outcome.CANCELLED;
        }
        if (rebuild.finishedAt == null && position >= rebuild.targetPosition) {
            synchronized (rebuild) {
                if (rebuild.finishedAt == null) {
                    rebuild.finishedAt = clock.instant();
                    log.info("rebuild of projection {} finished: {} events in {} ms", processor.getName(),
                            rebuild.targetPosition + 1,
                            Duration.between(rebuild.startedAt, rebuild.finishedAt).toMillis());
                }
            }
        }
        if (rebuild.finishedAt != null) {
            return Outcome.FINISHED;
        }
        boolean stuck = !processor.isRunning() || processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)
                || failedEvent(processor.getName(), position) != null;
        return stuck ? Outcome.FAILED : Outcome.REBUILDING;
    }

    /** The event the processor stopped on, unless it has passed it since. */
    private FailedEvent failedEvent(String name, long position) {
        return failures.of(name).filter(failed -> failed.globalIndex() > position).orElse(null);
    }

    /**
     * The lowest position of the processor's segments: those this instance holds as it processes them, the others
     * (held by another instance, or released after a failure until Axon retries them) as the token store has them.
     */
    private long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        List<TokenClaims.Claim> segments = claims.claims(processor.getName());
        if (segments.isEmpty()) {
            return here.values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(p -> p.orElse(-1))
                    .min().orElse(-1);
        }
        return segments.stream()
                .mapToLong(segment -> {
                    EventTrackerStatus status = here.get(segment.segment());
                    return status != null ? status.getCurrentPosition().orElse(-1) : segment.position();
                })
                .min().orElse(-1);
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return -1;
        }
        OptionalLong position = head.position();
        return position.orElse(-1);
    }

    private Stream<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast);
    }

    /** Any streaming processor, a saga's too. */
    private StreamingEventProcessor streaming(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw new NotFoundException("projection", name);
        }
        return streaming;
    }

    /** A projection: a streaming processor that is not a saga's. */
    private StreamingEventProcessor projection(String name) {
        StreamingEventProcessor processor = streaming(name);
        if (isSaga(processor)) {
            throw new NotFoundException("projection", name);
        }
        return processor;
    }

    private static boolean isSaga(StreamingEventProcessor processor) {
        return processor instanceof AbstractEventProcessor axon && isSaga(axon.eventHandlerInvoker());
    }

    private static boolean isSaga(EventHandlerInvoker invoker) {
        return invoker instanceof AbstractSagaManager<?>
                || invoker instanceof MultiEventHandlerInvoker multi && multi.delegates().stream()
                .anyMatch(ProjectionOperations::isSaga);
    }

    private static void pause() {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted while waiting for a projection");
        }
    }

    private static final class Rebuild {
        private final Instant startedAt;
        private final long targetPosition;
        private volatile Instant finishedAt;
        private volatile Instant cancelledAt;
        private volatile ScheduledFuture<?> progressLog;
        private long loggedPosition = -1;
        private String reportedFailure;

        private Rebuild(Instant startedAt, long targetPosition) {
            this.startedAt = startedAt;
            this.targetPosition = targetPosition;
        }

        boolean ended() {
            return finishedAt != null || cancelledAt != null;
        }

        void stopLogging() {
            ScheduledFuture<?> task = progressLog;
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
